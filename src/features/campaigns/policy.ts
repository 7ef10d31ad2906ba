import { AppError } from "~/lib/app-error";
import type { Phase } from "~/features/campaigns/schema";

// Who sees what of a campaign, which campaigns concern a worker, and what may still change.
// Pure (and client-safe), so the pages, the form and the feature functions use the same rules.

export type Scope = { scopePlatformSlugs: string[]; scopeSectors: string[]; scopeCities: string[] };
export type WorkerProfile = { platformSlugs: string[]; sectors: string[]; city: string | null };

/** A campaign concerns a worker when every non-empty scope list meets their profile. */
export function matchesProfile(scope: Scope, profile: WorkerProfile): boolean {
  const meets = (list: string[], mine: string[]) => list.length === 0 || mine.some((m) => list.includes(m));
  return (
    meets(scope.scopePlatformSlugs, profile.platformSlugs) &&
    meets(scope.scopeSectors, profile.sectors) &&
    meets(scope.scopeCities, profile.city ? [profile.city] : [])
  );
}

/** Phases only move forward: proposing, then voting, then closed. */
export function canMoveTo(from: Phase, to: Phase): boolean {
  const order: Phase[] = ["PROPOSING", "VOTING", "CLOSED"];
  return order.indexOf(to) === order.indexOf(from) + 1;
}

/** The inputs that decide who may vote and when: what a published figure is a figure of. */
export type FrozenInputs = Scope & { proposingFrom: Date; votingFrom: Date; closesOn: Date; verifiedOnly: boolean };
export const FROZEN_FIELDS = ["scopePlatformSlugs", "scopeSectors", "scopeCities", "proposingFrom", "votingFrom", "closesOn", "verifiedOnly"] as const;

/**
 * Proposing has ended once voting started by hand or by date (China day, `today` from
 * chinaToday()). From then on the inputs are frozen (PRIVACY.md P4): a campaign re-scoped or
 * re-dated after its tally exists could be subtracted from itself, scope by scope.
 */
export function isFrozen(c: { phase: Phase; votingFrom: Date }, today: Date): boolean {
  return c.phase !== "PROPOSING" || today.getTime() >= c.votingFrom.getTime();
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/** The frozen fields whose value `next` would change (lists compared as sets). */
export function frozenChanges(before: FrozenInputs, next: FrozenInputs): (typeof FROZEN_FIELDS)[number][] {
  return FROZEN_FIELDS.filter((f) => {
    const a = before[f];
    const b = next[f];
    if (Array.isArray(a) && Array.isArray(b)) return !sameSet(a, b);
    if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
    return a !== b;
  });
}

/**
 * Checks a campaign's new inputs against what is stored (`before`, null on create):
 * dates in order; a date that is set or changed not in the past (no backdating); and nothing
 * frozen changed once proposing has ended.
 */
export function checkCampaignInputs(before: (FrozenInputs & { phase: Phase }) | null, next: FrozenInputs, today: Date): void {
  if (next.proposingFrom > next.votingFrom || next.votingFrom > next.closesOn) throw new AppError("CAMPAIGN_DATE_ORDER");
  if (before && isFrozen(before, today)) {
    if (frozenChanges(before, next).length > 0) throw new AppError("CAMPAIGN_FROZEN");
    return;
  }
  const changed = (f: "proposingFrom" | "votingFrom" | "closesOn") => !before || before[f].getTime() !== next[f].getTime();
  for (const f of ["proposingFrom", "votingFrom", "closesOn"] as const) {
    if (changed(f) && next[f].getTime() < today.getTime()) throw new AppError("CAMPAIGN_DATE_PAST");
  }
}
