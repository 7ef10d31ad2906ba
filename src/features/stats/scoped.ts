import "server-only";
import { aggregateScoped, type Breakdown, type Figures } from "~/features/stats/data";

// PROVISIONAL stand-in written on the compile branch with the agreed signature; the stats
// branch owns this file and its version replaces this one at merge.
export type ConditionsScope = { platformSlugs: string[]; sectors: string[]; cities: string[]; from: string; to: string };

export async function computeScopedConditions(scope: ConditionsScope): Promise<{
  period: { from: string; to: string };
  reports: number;
  figures: Figures | null;
  byPlatform: Breakdown;
  byCity: Breakdown;
  bySector: Breakdown;
}> {
  const r = await aggregateScoped(scope);
  return {
    period: { from: scope.from, to: scope.to },
    reports: r.total ? r.reports : 0,
    figures: r.total,
    byPlatform: r.breakdowns.platform,
    byCity: r.breakdowns.city,
    bySector: r.breakdowns.sector,
  };
}
