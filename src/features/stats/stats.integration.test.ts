import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import { moderateNarrative } from "~/features/reports/mutations";
import { getOverview, getPlatformConditions, getQuotes } from "~/features/stats/data";
import type { ReportInput } from "~/features/reports/schema";
import { callerFor, makePlatform, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
// Reports for July 2026, read once 2026-Q3 is sealed (its last edit window closed in October).
const FILED = day("2026-07-20");
const LATER = day("2026-11-28");

async function file(slug: string, count: number, overrides: Partial<ReportInput> = {}, month = "2026-07", today = FILED) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month, ...overrides }), today });
    ids.push(id);
  }
  return ids;
}

describe("platform conditions", () => {
  it("leave a city of 4 reports out of every figure and show a city of 5", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 20, { city: "shenzhen" });
    await file(platform.slug, 8, { city: "wuhan" });
    await file(platform.slug, 4, { city: "kunming" });
    await file(platform.slug, 5, { city: "xian" });
    const stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.total?.n).toBe(33);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["shenzhen", "wuhan", "xian"]);
    expect(stats.breakdowns.city.find((c) => c.key === "xian")?.figures.n).toBe(5);
  });

  it("compute shares, medians and period from sealed quarters, and publish nothing below 5 reports", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 5, { hoursPerDay: 12, contract: "NONE", health: ["stomach"] });
    await file(platform.slug, 5, { hoursPerDay: 8, contract: "LABOUR_CONTRACT", workInjury: "SOCIAL", health: [] });
    const stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.period).toEqual({ from: "2025-10", to: "2026-09" });
    expect(stats.total).toMatchObject({ n: 10, noContract: 0.5, noSocialInjury: 0.5, over8h: 0.5, medianHours: 8, residentLowest: 1 });
    expect(stats.total?.health.stomach).toBe(0.5);

    const tiny = await makePlatform();
    await file(tiny.slug, 4);
    expect((await getPlatformConditions(tiny.slug, LATER)).total).toBeNull();
    // Nothing from a quarter that is not sealed is counted.
    expect((await getPlatformConditions(platform.slug, day("2026-09-28"))).total).toBeNull();
  });

  it("are public through the API and never leak small groups in the overview", async () => {
    const platform = await makePlatform();
    await file(platform.slug, 6);
    const stats = await callerFor(null).stats.conditions({ slug: platform.slug });
    expect(stats.platform.slug).toBe(platform.slug);
    // A quarter no other test file writes to: the overview seals every platform's quarters.
    const other = await makePlatform();
    await file(other.slug, 3, {}, "2030-01", day("2030-01-20"));
    await file(other.slug, 5, { city: "wuhan" }, "2030-02", day("2030-02-20"));
    const overview = await getOverview(day("2030-05-28"));
    for (const row of overview.byPlatform) expect(row.figures.n).toBeGreaterThanOrEqual(5);
    expect(overview.byPlatform.find((r) => r.key === other.id)?.figures.n).toBe(5);
  });

  it("show approved quotes only from cells of 10, dated to the quarter", async () => {
    const platform = await makePlatform();
    const approve = async (ids: string[], of = platform) => {
      const unionId = await moderatingUnionOf(of);
      for (const id of ids) await moderateNarrative({ unionId, id, decision: "APPROVED" });
    };
    // A cell of 9 with quotes next to a cell of 10 without: no quote at all.
    await approve(await file(platform.slug, 9, { narrative: "高温天没有防暑补贴" }));
    await file(platform.slug, 10, { city: "wuhan" });
    let stats = await getPlatformConditions(platform.slug, LATER);
    expect(stats.total?.n).toBe(19);
    expect(await getQuotes(platform.id, stats.total?.n, LATER)).toEqual([]);

    const second = await makePlatform();
    await approve(await file(second.slug, 10, { narrative: "高温天没有防暑补贴" }), second);
    stats = await getPlatformConditions(second.slug, LATER);
    const quotes = await getQuotes(second.id, stats.total?.n, LATER);
    expect(quotes.length).toBe(6);
    expect(quotes[0]).toEqual({ text: "高温天没有防暑补贴", quarter: "2026-Q3" });
  });
});
