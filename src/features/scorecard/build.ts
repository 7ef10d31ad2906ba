import { verifiedShare } from "~/features/verification/credibility";
import { scorecard } from "~/features/scorecard/score";
import { NO_PORTAL_RECORD, totalsOf, type CellSummary, type PortalRecord } from "~/features/scorecard/totals";
import type { Wage } from "~/features/scorecard/pay";
import type { PlatformScorecard, ScopeScore } from "~/features/scorecard/types";
import type { QuarterKey } from "~/features/stats/lattice/quarters";

// From sealed cells (data.ts reads them) to the read model of types.ts. Pure: every figure is a
// sum over whole sealed cells, so any two scopes or quarters differ by whole cells (each of at
// least K reports) and nothing here can say more than the lattice already publishes.

/** One sealed cell with the scorecard's columns; `verified` is its rounded verified count. */
export type ScoredCell = CellSummary & { platformId: string; sector: string; verified: number };

export type PlatformInfo = { platformId: string; slug: string; nameZh: string; nameEn: string };

const sumPortal = (records: readonly PortalRecord[]): PortalRecord =>
  records.reduce(
    (a, r) => ({ addressed: a.addressed + r.addressed, answeredInTime: a.answeredInTime + r.answeredInTime, verdicts: a.verdicts + r.verdicts, verdictsDone: a.verdictsDone + r.verdictsDone }),
    NO_PORTAL_RECORD,
  );

/** The portal record of a platform over some quarters: items are dated to the quarter their clock (or due date) ends in. */
export const portalOver = (byQuarter: ReadonlyMap<string, PortalRecord>, quarters: readonly string[]) => sumPortal(quarters.map((q) => byQuarter.get(q) ?? NO_PORTAL_RECORD));

/** The score of a set of whole sealed cells over `quarters` (newest first in the result). */
export function scopeScore(scope: { city: string | null; sector: string | null }, quarters: readonly QuarterKey[], cells: readonly ScoredCell[], portal: PortalRecord, wages: readonly Wage[]): ScopeScore {
  const reports = cells.reduce((a, c) => a + c.counts.n, 0);
  const verified = cells.reduce((a, c) => a + c.verified, 0);
  return { ...scope, quarters: [...quarters].reverse(), card: scorecard(totalsOf(cells, portal, wages)), reports, verifiedShare: verifiedShare(reports, verified) };
}

/**
 * A platform's scorecard: `quarters` are the last four sealed (oldest first), `history` every
 * sealed quarter to chart (oldest first); `cells` the platform's scored cells over them.
 */
export function buildScorecard(platform: PlatformInfo, quarters: readonly QuarterKey[], history: readonly QuarterKey[], cells: readonly ScoredCell[], portal: ReadonlyMap<string, PortalRecord>, wages: readonly Wage[]): PlatformScorecard {
  const recent = new Set<string>(quarters);
  const inRecent = cells.filter((c) => recent.has(c.quarter));
  const recentPortal = portalOver(portal, quarters);
  const groups = new Map<string, ScoredCell[]>();
  for (const c of inRecent) {
    const key = `${c.city}\u0000${c.sector}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const scopes = [...groups.values()]
    .map((g) => scopeScore({ city: g[0]!.city, sector: g[0]!.sector }, quarters, g, recentPortal, wages))
    .sort((a, b) => b.reports - a.reports || a.city!.localeCompare(b.city!) || a.sector!.localeCompare(b.sector!));
  return {
    ...platform,
    overall: scopeScore({ city: null, sector: null }, quarters, inRecent, recentPortal, wages),
    scopes,
    history: history.map((q) => {
      const own = cells.filter((c) => c.quarter === q);
      return { quarter: q, card: scorecard(totalsOf(own, portalOver(portal, [q]), wages)), reports: own.reduce((a, c) => a + c.counts.n, 0) };
    }),
  };
}
