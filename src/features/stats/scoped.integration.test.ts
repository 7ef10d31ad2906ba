import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { computeScopedConditions } from "~/features/stats/scoped";
import { makePlatform, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
// Read on this day, 2026-Q3 is the last sealed quarter; October and November are in 2026-Q4, still open.
const TODAY = day("2026-11-28");
const everywhere = { platformSlugs: [] as string[], sectors: [], cities: [] };

async function file(slug: string, month: string, count: number, overrides: Partial<ReportInput> = {}) {
  for (let i = 0; i < count; i++) {
    const today = day(`${month}-20`);
    await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month, ...overrides }), today });
  }
}

describe("scoped conditions", () => {
  it("leave a city of 4 reports out of every figure, the total included, and show a city of 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2022-03", 20, { city: "shenzhen" });
    await file(platform.slug, "2022-02", 8, { city: "wuhan" });
    await file(platform.slug, "2022-03", 4, { city: "kunming" });
    await file(platform.slug, "2022-01", 5, { city: "changsha" });
    const scope = { ...everywhere, platformSlugs: [platform.slug], from: "2022-01", to: "2022-03" };
    const stats = await computeScopedConditions(scope, TODAY);
    // The hidden cell enters no sum: "total minus the shown cities" is 0.
    expect(stats.reports).toBe(33);
    expect(stats.breakdowns.city.map((c) => [c.key, c.figures.n])).toEqual([
      ["changsha", 5],
      ["shenzhen", 20],
      ["wuhan", 8],
    ]);
    expect(stats.breakdowns.platform).toEqual([{ key: platform.slug, figures: stats.total }]);
  });

  it("publish nothing, not even the number of reports, below 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2022-06", 4);
    const stats = await computeScopedConditions({ ...everywhere, platformSlugs: [platform.slug], from: "2022-06", to: "2022-06" }, TODAY);
    expect(stats).toEqual({ period: { from: "2022-04", to: "2022-06" }, quarters: ["2022-Q2"], reports: null, total: null, breakdowns: { platform: [], city: [], sector: [] } });
  });

  it("count whole sealed quarters only, and only the scope's cities and sectors", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2026-07", 5, { city: "chengdu", sector: "COURIER", hoursPerDay: 8 });
    await file(platform.slug, "2026-09", 5, { city: "chengdu", sector: "COURIER", hoursPerDay: 12 });
    await file(platform.slug, "2026-09", 7, { city: "chengdu", sector: "FOOD_DELIVERY" });
    await file(platform.slug, "2026-08", 9, { city: "beijing", sector: "COURIER" });
    await file(platform.slug, "2026-10", 8, { city: "chengdu", sector: "COURIER" });

    const scope = { platformSlugs: [platform.slug], sectors: ["COURIER" as const], cities: ["chengdu" as const], from: "2026-09", to: "2027-02" };
    const stats = await computeScopedConditions(scope, TODAY);
    expect(stats.period).toEqual({ from: "2026-07", to: "2026-09" });
    expect(stats.reports).toBe(10);
    // 5 of 10 work over 8 hours: a count of 5, so exact after rounding.
    expect(stats.total).toMatchObject({ n: 10, medianHours: 8, over8h: 0.5 });
    expect(stats.breakdowns.sector.map((s) => s.key)).toEqual(["COURIER"]);

    const open = await computeScopedConditions({ ...scope, from: "2026-10", to: "2026-11" }, TODAY);
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
    const stats = await computeScopedConditions({ ...everywhere, from: "2022-01", to: "2022-12" }, TODAY);
    for (const d of ["platform", "city", "sector"] as const) for (const g of stats.breakdowns[d]) expect(g.figures.n).toBeGreaterThanOrEqual(5);
  });
});
