import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import { deleteReport, moderateNarrative } from "~/features/reports/mutations";
import { getOverview, getPlatformConditions, getQuotes } from "~/features/stats/data";
import type { ReportInput } from "~/features/reports/schema";
import { callerFor, makePlatform, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
// Reports for October 2026, read after its edit window closed.
const FILED = day("2026-10-20");
const LATER = day("2026-11-28");

async function file(slug: string, count: number, overrides: Partial<ReportInput> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month: "2026-10", ...overrides }), today: FILED });
    ids.push(id);
  }
  return ids;
}

describe("platform conditions", () => {
  it("hide a city with 4 reports and show it at 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 20, { city: "shenzhen" });
    await file(platform.slug, 8, { city: "wuhan" });
    await file(platform.slug, 4, { city: "kunming" });
    // Two more small cities, so hiding them alone already leaves 5 hidden reports.
    await file(platform.slug, 2, { city: "xian" });
    await file(platform.slug, 3, { city: "changsha" });
    let stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.total?.n).toBe(37);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen", "wuhan"]);

    await file(platform.slug, 1, { city: "kunming" });
    stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen", "wuhan", "kunming"]);
    expect(stats.breakdowns.city.find((c) => c.key === "kunming")?.figures.n).toBe(5);
  });

  it("apply complementary suppression when one small city is left", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 20, { city: "shenzhen" });
    await file(platform.slug, 6, { city: "wuhan" });
    await file(platform.slug, 3, { city: "kunming" });
    const stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen"]);
  });

  it("compute shares, medians and period in SQL, and publish nothing below 5 reports", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 3, { hoursPerDay: 12, contract: "NONE", health: ["stomach"] });
    await file(platform.slug, 2, { hoursPerDay: 8, contract: "LABOUR_CONTRACT", workInjury: "SOCIAL", health: [] });
    const stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.period).toEqual({ from: "2025-11", to: "2026-10" });
    expect(stats.total).toMatchObject({ n: 5, noContract: 0.6, noSocialInjury: 0.6, over8h: 0.6, medianHours: 12, residentLowest: 1 });
    expect(stats.total?.health.stomach).toBe(0.6);

    const tiny = await makePlatform();
    await file(tiny.slug, 4);
    expect((await getPlatformConditions(tiny.slug, LATER)).total).toBeNull();
    // Nothing from the current, still-open month is counted.
    expect((await getPlatformConditions(platform.slug, FILED)).total).toBeNull();
  });

  it("drop cached figures when a worker deletes a counted report", async () => {
    const platform = await makePlatform();
    const accountId = `acct-${uid()}`;
    const { id } = await submitReport({ accountId, input: validReport({ platformSlug: platform.slug, month: "2026-10" }), today: FILED });
    await file(platform.slug, 5);
    expect((await getPlatformConditions(platform.slug, LATER)).total?.n).toBe(6);
    await deleteReport({ accountId, id });
    expect((await getPlatformConditions(platform.slug, LATER)).total?.n).toBe(5);
  });

  it("are public through the API and never leak small groups in the overview", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 6);
    const stats = await callerFor(null).stats.conditions({ slug: platform.slug });
    expect(stats.platform.slug).toBe(platform.slug);
    const overview = await getOverview(LATER);
    for (const row of overview.byPlatform) expect(row.figures.n).toBeGreaterThanOrEqual(5);
  });

  it("show approved quotes only for groups of 10, with coarse dates", async () => {
    const platform = await makePlatform();
    const ids = await file(platform.slug, 9, { narrative: "高温天没有防暑补贴" });
    const unionId = await moderatingUnionOf(platform);
    for (const id of ids) await moderateNarrative({ unionId, id, decision: "APPROVED" });
    let stats = await getPlatformConditions(platform.slug, LATER);
    expect(await getQuotes(platform.id, stats.total?.n, LATER)).toEqual([]);
    await file(platform.slug, 1);
    stats = await getPlatformConditions(platform.slug, LATER);
    const quotes = await getQuotes(platform.id, stats.total?.n, LATER);
    expect(quotes.length).toBe(6);
    expect(quotes[0]).toEqual({ text: "高温天没有防暑补贴", quarter: "2026-Q4" });
  });
});
