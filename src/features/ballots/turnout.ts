import { K } from "~/features/ballots/suppression";
import type { Results } from "~/features/ballots/results";
import { credibility, type Credibility } from "~/features/verification/credibility";

// What a campaign publishes while voting is open (PRIVACY.md P4, issue 12): the turnout only,
// rounded down to a step of 5. A changed ballot does not move it, a new ballot moves it by 0 or
// 5, so no two readings differ by the acts of 1 to 4 workers; the ranking itself appears once,
// exactly, at close. Pure, so property tests can attack it.

export const TURNOUT_STEP = K;

/** `n` rounded down to the step; 0 below the first step (shown as "fewer than 5"). */
export function stepped(n: number): number {
  return n < TURNOUT_STEP ? 0 : Math.floor(n / TURNOUT_STEP) * TURNOUT_STEP;
}

/** `ballots`: "at least this many" (null: fewer than 5); `credibility` of the stepped figures. */
export type Turnout = { ballots: number | null; step: typeof TURNOUT_STEP; credibility: Credibility };

/**
 * The verified part is stepped too (never 1 to 4, moves by 0 or a multiple of 5), and is
 * released only together with the turnout (releasedTurnout in data.ts); computed from two
 * stepped figures, its share cannot be multiplied back into a hidden count.
 */
export function steppedTurnout(ballots: number, verified: number, verifiedOnly: boolean): Turnout {
  const shown = stepped(ballots);
  return { ballots: shown === 0 ? null : shown, step: TURNOUT_STEP, credibility: credibility(shown, stepped(verified), verifiedOnly) };
}

/** Before close the stepped turnout; after, the exact final tally (with its own suppression). */
export type CampaignFigures = { final: false; turnout: Turnout } | { final: true; results: Results };
