import "server-only";
import { AppError } from "~/lib/app-error";
import { monthKey, monthStart, statsPeriod } from "~/features/reports/months";
import { findPlatforms, summaryRows } from "~/features/stats/data";
import { publish, type Breakdown, type Figures, type Period } from "~/features/stats/publish";
import { conditionsScope, type ConditionsScope } from "~/features/stats/schema";
import { chinaToday } from "~/lib/days";

// Condition statistics for any scope and period (a campaign's, for its submission), from the
// same summary as the public pages and through the same P4 suppression: a platform, city or
// sector shows only with K reports, complementary suppression runs across all three
// breakdowns, and no two of them can be subtracted to isolate a hidden group.

export type ScopedConditions = {
  /** The months counted: those of from..to whose edit window has closed; null when none has. */
  period: Period | null;
  /** The number of reports behind the figures; null whenever they are suppressed. */
  reports: number | null;
  total: Figures | null;
  /** Keyed by platform slug, city code and sector code; hidden groups are left out. */
  breakdowns: { platform: Breakdown; city: Breakdown; sector: Breakdown };
};

const DIMS = ["platform", "city", "sector"] as const;

/** As findPlatforms, from a list already read. */
function pickPlatforms(all: { id: string; slug: string }[], slugs: string[]) {
  if (slugs.length === 0) return all;
  const wanted = new Set(slugs);
  const found = all.filter((p) => wanted.has(p.slug));
  if (found.length < wanted.size) throw new AppError("UNKNOWN_PLATFORM");
  return found;
}
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `known`: every platform, when the caller has read them already (the compile reads them once). */
export async function computeScopedConditions(scope: ConditionsScope, today = chinaToday(), known?: { id: string; slug: string }[]): Promise<ScopedConditions> {
  const parsed = conditionsScope.safeParse(scope);
  if (!parsed.success) throw new AppError("BAD_INPUT");
  const { platformSlugs, sectors, cities, from, to } = parsed.data;
  const platforms = known ? pickPlatforms(known, platformSlugs) : await findPlatforms(platformSlugs);

  // Statistics never count a month that can still change (see statsPeriod).
  const first = monthStart(from);
  const closed = statsPeriod(today).to;
  const last = monthStart(to) < closed ? monthStart(to) : closed;
  if (first > last) return { period: null, reports: null, total: null, breakdowns: { platform: [], city: [], sector: [] } };

  const rows = await summaryRows(DIMS, {
    fromDate: iso(first),
    toDate: iso(last),
    platformIds: platformSlugs.length ? platforms.map((p) => p.id) : undefined,
    cities,
    sectors,
  });
  // Suppression sees the keys that are published (slugs), so its tie-breaks follow them too.
  const slugOf = new Map(platforms.map((p) => [p.id, p.slug]));
  for (const row of rows) if (row.platform !== null) row.platform = slugOf.get(row.platform) ?? row.platform;
  const { total, breakdowns } = publish(rows, DIMS);
  return { period: { from: monthKey(first), to: monthKey(last) }, reports: total?.n ?? null, total, breakdowns };
}
