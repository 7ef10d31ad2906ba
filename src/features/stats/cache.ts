import "server-only";
import { statsPeriod } from "~/features/reports/months";
import { chinaToday } from "~/lib/days";

// Published statistics only count closed months, which change only when a worker deletes an
// old report. So the published (already suppressed) figures are kept in memory for a few
// minutes and dropped whenever a write touches a counted month. With several app instances a
// deletion shows on the others within TTL_MS.
const TTL_MS = 10 * 60_000;
const globalForStats = globalThis as unknown as { wvStatsCache?: Map<string, { until: number; value: unknown }> };
const cache = (globalForStats.wvStatsCache ??= new Map());

export async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.value as T;
  const value = await compute();
  cache.set(key, { until: Date.now() + TTL_MS, value });
  return value;
}

/** Called by report writes: a change to a counted month invalidates every cached figure. */
export function forgetStatistics(month: Date) {
  if (month <= statsPeriod(chinaToday()).to) cache.clear();
}
