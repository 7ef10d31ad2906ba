import "server-only";
import { AppError } from "~/lib/app-error";
import { findPlatforms, summaryRows } from "~/features/stats/data";
import { publish, type Breakdown, type Figures, type Period } from "~/features/stats/publish";
import { quarterPeriod, sealedQuartersOverlapping, type QuarterKey } from "~/features/stats/lattice/quarters";
import { conditionsScope, type ConditionsScope } from "~/features/stats/schema";
import { chinaToday } from "~/lib/days";

// Condition statistics for any scope and period (a campaign's, for its submission), from the
// same sealed lattice as the public pages (lattice/data.ts): the period is widened to whole sealed
// quarters and the scope is a union of whole cells, so two scopes (or two campaigns, or two
// published documents) differ only by whole shown cells of 5 or more, frozen once sealed.

export type ScopedConditions = {
  /** The months of the whole sealed quarters counted; null when none is sealed yet. */
  period: Period | null;
  quarters: QuarterKey[];
  /** The number of reports behind the figures (a sum of shown cells); null when none. */
  reports: number | null;
  total: Figures | null;
  /** Keyed by platform slug, city code and sector code, in key order; groups without a shown cell are left out. */
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

/** `known`: every platform, when the caller has read them already (the compile reads them once). */
export async function computeScopedConditions(scope: ConditionsScope, today = chinaToday(), known?: { id: string; slug: string }[]): Promise<ScopedConditions> {
  const parsed = conditionsScope.safeParse(scope);
  if (!parsed.success) throw new AppError("BAD_INPUT");
  const { platformSlugs, sectors, cities, from, to } = parsed.data;
  const platforms = known ? pickPlatforms(known, platformSlugs) : await findPlatforms(platformSlugs);

  // Statistics never count a quarter that can still change (see lastSealedQuarter).
  const quarters = sealedQuartersOverlapping(from, to, today);
  const none = { period: null, quarters, reports: null, total: null, breakdowns: { platform: [], city: [], sector: [] } };
  if (quarters.length === 0) return none;

  const rows = await summaryRows(DIMS, { quarters, platformIds: platformSlugs.length ? platforms.map((p) => p.id) : undefined, cities, sectors }, today);
  const slugOf = new Map(platforms.map((p) => [p.id, p.slug]));
  for (const row of rows) if (row.platform !== null) row.platform = slugOf.get(row.platform) ?? row.platform;
  const { total, breakdowns } = publish(rows, DIMS);
  // Re-sort platforms by slug now that they are named by it.
  breakdowns.platform.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { period: quarterPeriod(quarters), quarters, reports: total?.n ?? null, total, breakdowns };
}
