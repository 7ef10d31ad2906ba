import type { Scorecard } from "~/features/scorecard/score";
import type { QuarterKey } from "~/features/stats/lattice/quarters";

// What the scorecard's readers (platform page, league table, history chart, /api/v1, the
// submission section) get from data.ts. Every figure here is a sum of sealed cells (issue 12):
// it changes when a quarter is sealed, never when one worker files.

/** A scope of one platform: the platform as a whole (city and sector null) or one city x sector. */
export type ScoreScope = { city: string | null; sector: string | null };

export type ScopeScore = ScoreScope & {
  /** The sealed quarters the score covers, newest first (the last four sealed). */
  quarters: QuarterKey[];
  card: Scorecard;
  /** Reports behind the score: the sum of the sealed cells' n (each cell has at least K). */
  reports: number;
  /** Share of those reports by in-person verified workers, or null where P4 does not allow it. */
  verifiedShare: number | null;
};

export type PlatformScorecard = {
  platformId: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  /** The whole platform over the last four sealed quarters. */
  overall: ScopeScore;
  /** City x sector scopes with enough sealed cells to be shown (P4), largest first. */
  scopes: ScopeScore[];
  /** One score per sealed quarter, oldest first: the history chart. */
  history: { quarter: QuarterKey; card: Scorecard; reports: number }[];
};

/** One row of the league table: the platform's overall score. */
export type LeagueRow = Pick<PlatformScorecard, "platformId" | "slug" | "nameZh" | "nameEn" | "overall">;
