import "server-only";
import { monthKey, monthStart, statsPeriod, todayInChina } from "~/features/reports/months";
import { aggregateScoped, type Breakdown, type Figures } from "~/features/stats/data";

// PROVISIONAL stand-in written on the compile branch with the stats branch's signature; the
// stats branch owns this file and its version (over the monthly summary) replaces this one.
export type ConditionsScope = { platformSlugs: string[]; sectors: string[]; cities: string[]; from: string; to: string };

export type ScopedConditions = {
  period: { from: string; to: string } | null;
  reports: number | null;
  total: Figures | null;
  breakdowns: { platform: Breakdown; city: Breakdown; sector: Breakdown };
};

export async function computeScopedConditions(scope: ConditionsScope, today = todayInChina()): Promise<ScopedConditions> {
  const first = monthStart(scope.from);
  const closed = statsPeriod(today).to;
  const last = monthStart(scope.to) < closed ? monthStart(scope.to) : closed;
  if (first > last) return { period: null, reports: null, total: null, breakdowns: { platform: [], city: [], sector: [] } };
  const period = { from: monthKey(first), to: monthKey(last) };
  const r = await aggregateScoped({ ...scope, ...period });
  return { period, reports: r.total?.n ?? null, total: r.total, breakdowns: r.breakdowns };
}
