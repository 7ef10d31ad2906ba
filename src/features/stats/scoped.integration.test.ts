import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { computeScopedConditions } from "~/features/stats/scoped";
import { makePlatform, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
// Read on this day, October 2026 is the last closed month and November is still open.
const TODAY = day("2026-11-28");
const everywhere = { platformSlugs: [] as string[], sectors: [], cities: [] };

async function file(slug: string, month: string, count: number, overrides: Partial<ReportInput> = {}) {
  for (let i = 0; i < count; i++) {
    const today = day(`${month}-20`);
    await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month, ...overrides }), today });
  }
}

describe("scoped conditions", () => {
  it("hide a city with 4 reports and show it at 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2022-03", 20, { city: "shenzhen" });
    await file(platform.slug, "2022-04", 8, { city: "wuhan" });
    await file(platform.slug, "2022-03", 4, { city: "kunming" });
    // Two more small cities, so hiding them alone already leaves 5 hidden reports.
    await file(platform.slug, "2022-03", 2, { city: "xian" });
    await file(platform.slug, "2022-04", 3, { city: "changsha" });
    const scope = { ...everywhere, platformSlugs: [platform.slug], from: "2022-01", to: "2022-06" };
    let stats = await computeScopedConditions(scope, TODAY);
    expect(stats.reports).toBe(37);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen", "wuhan"]);
    expect(stats.breakdowns.platform).toEqual([{ key: platform.slug, figures: stats.total }]);

    await file(platform.slug, "2022-04", 1, { city: "kunming" });
    stats = await computeScopedConditions(scope, TODAY);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen", "wuhan", "kunming"]);
    expect(stats.breakdowns.city.find((c) => c.key === "kunming")?.figures.n).toBe(5);
  });

  it("hide a platform with 4 reports, and the next-smallest with it, and show both at 5", async () => {
    const [big, small] = [await makePlatform(), await makePlatform()];
    await file(big.slug, "2022-05", 12);
    await file(small.slug, "2022-05", 4);
    const scope = { ...everywhere, platformSlugs: [big.slug, small.slug], from: "2022-05", to: "2022-05" };
    let stats = await computeScopedConditions(scope, TODAY);
    // Showing the big platform alone would give away the small one as "total minus big".
    expect(stats.reports).toBe(16);
    expect(stats.breakdowns.platform).toEqual([]);

    await file(small.slug, "2022-05", 1);
    stats = await computeScopedConditions(scope, TODAY);
    expect(stats.breakdowns.platform.map((p) => [p.key, p.figures.n])).toEqual([
      [big.slug, 12],
      [small.slug, 5],
    ]);
  });

  it("publish nothing, not even the number of reports, below 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2022-06", 4);
    const stats = await computeScopedConditions({ ...everywhere, platformSlugs: [platform.slug], from: "2022-06", to: "2022-06" }, TODAY);
    expect(stats).toEqual({ period: { from: "2022-06", to: "2022-06" }, reports: null, total: null, breakdowns: { platform: [], city: [], sector: [] } });
  });

  it("count only closed months within the period, and only the scope's cities and sectors", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2026-09", 6, { city: "chengdu", sector: "COURIER", hoursPerDay: 10 });
    await file(platform.slug, "2026-10", 5, { city: "chengdu", sector: "COURIER", hoursPerDay: 12 });
    await file(platform.slug, "2026-10", 7, { city: "chengdu", sector: "FOOD_DELIVERY" });
    await file(platform.slug, "2026-10", 9, { city: "beijing", sector: "COURIER" });
    await file(platform.slug, "2026-11", 8, { city: "chengdu", sector: "COURIER" });

    const scope = { platformSlugs: [platform.slug], sectors: ["COURIER" as const], cities: ["chengdu" as const], from: "2026-09", to: "2027-02" };
    const stats = await computeScopedConditions(scope, TODAY);
    expect(stats.period).toEqual({ from: "2026-09", to: "2026-10" });
    expect(stats.reports).toBe(11);
    expect(stats.total).toMatchObject({ n: 11, medianHours: 10, over8h: 1 });
    expect(stats.breakdowns.sector.map((s) => s.key)).toEqual(["COURIER"]);

    const open = await computeScopedConditions({ ...scope, from: "2026-11", to: "2026-11" }, TODAY);
    expect(open).toMatchObject({ period: null, reports: null, total: null });
  });

  it("refuse a bad scope with a clear code", async () => {
    const good = { ...everywhere, from: "2026-01", to: "2026-06" };
    await expect(computeScopedConditions({ ...good, from: "2026-07" }, TODAY)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(computeScopedConditions({ ...good, to: "2026-13" }, TODAY)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(computeScopedConditions({ ...good, cities: ["atlantis" as never] }, TODAY)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(computeScopedConditions({ ...good, platformSlugs: [`nope-${uid()}`] }, TODAY)).rejects.toMatchObject({ code: "UNKNOWN_PLATFORM" });
  });

  it("never show a group below 5 over everything in the database", async () => {
    const stats = await computeScopedConditions({ ...everywhere, from: "2022-01", to: "2026-12" }, TODAY);
    for (const d of ["platform", "city", "sector"] as const) for (const g of stats.breakdowns[d]) expect(g.figures.n).toBeGreaterThanOrEqual(5);
  });
});
