import { describe, expect, it } from "vitest";
import { deleteReport, moderateNarrative, submitReport } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { getPlatformConditions } from "~/features/stats/data";
import { readSealedCells } from "~/features/stats/lattice/data";
import type { Figures } from "~/features/stats/publish";
import { computeScopedConditions } from "~/features/stats/scoped";
import { getScopedQuotes } from "~/features/submissions/data";
import { makePlatform, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

// Issue 12's recipes, one test each, against the condition statistics (the stepped live
// figures have theirs in releases/). Each would pass an attacker's subtraction on main before
// the lattice; each asserts that the two observations differ by nothing or by whole shown cells.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const READ = day("2026-11-28"); // 2026-Q3 is the last sealed quarter
const none = { sectors: [], cities: [] };

async function file(slug: string, month: string, count: number, overrides: Partial<ReportInput> = {}) {
  const out: { id: string; accountId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const accountId = `acct-${uid()}`;
    const { id } = await submitReport({ accountId, input: validReport({ platformSlug: slug, month, ...overrides }), today: day(`${month}-20`) });
    out.push({ id, accountId });
  }
  return out;
}

/** Every count a figure implies (share x n), as an observer would recover it. */
function impliedCounts(f: Figures): number[] {
  const shares = [f.noContract, f.noSocialInjury, f.over8h, f.over6d, f.accident, f.deactivated, ...Object.values(f.pension), ...Object.values(f.health)];
  return shares.map((s) => Math.round(s * f.n));
}
const notOneToFour = (n: number) => n === 0 || n >= 5;

describe("issue 12 recipes against condition statistics", () => {
  it("before and after one act: a report filed now (open quarter) or backdated into a sealed one moves nothing", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-08", 12);
    const before = await getPlatformConditions(p.slug, READ);
    // A late report for a sealed quarter (only a test can file one) and one for the open quarter.
    await file(p.slug, "2026-08", 1, { deactivated: true });
    await file(p.slug, "2026-11", 1, { deactivated: true });
    const after = await computeScopedConditions({ platformSlugs: [p.slug], ...none, from: "2026-07", to: "2026-09" }, day("2026-11-29"));
    expect(after.total).toEqual(before.total);
  });

  it("nested scopes: FlashEats x {xian, hangzhou} minus {hangzhou} reveals nothing about two Xi'an workers", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-07", 9, { city: "hangzhou" });
    await file(p.slug, "2026-08", 2, { city: "xian", contract: "LABOUR_CONTRACT", workInjury: "SOCIAL", hoursPerDay: 6, health: [] });
    const both = await computeScopedConditions({ platformSlugs: [p.slug], sectors: [], cities: ["xian", "hangzhou"], from: "2026-07", to: "2026-09" }, READ);
    const one = await computeScopedConditions({ platformSlugs: [p.slug], sectors: [], cities: ["hangzhou"], from: "2026-07", to: "2026-09" }, READ);
    expect(both.reports).toBe(9);
    expect(both.total).toEqual(one.total);
  });

  it("re-scoping and backdating: any month range is widened to whole sealed quarters, so scopes differ by whole cells", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-07", 6);
    await file(p.slug, "2026-09", 3, { deactivated: true });
    const a = await computeScopedConditions({ platformSlugs: [p.slug], ...none, from: "2026-07", to: "2026-08" }, READ);
    const b = await computeScopedConditions({ platformSlugs: [p.slug], ...none, from: "2026-08", to: "2026-11" }, READ);
    expect(a.period).toEqual({ from: "2026-07", to: "2026-09" });
    expect(b.total).toEqual(a.total);
    expect(a.reports).toBe(9);
  });

  it("overlapping published scopes differ by whole shown cells of 5 or more", async () => {
    const [x, y] = [await makePlatform(), await makePlatform()];
    await file(x.slug, "2026-07", 7);
    await file(y.slug, "2026-07", 3, { city: "wuhan" });
    await file(y.slug, "2026-08", 5, { city: "beijing" });
    const wide = await computeScopedConditions({ platformSlugs: [x.slug, y.slug], ...none, from: "2026-07", to: "2026-09" }, READ);
    const narrow = await computeScopedConditions({ platformSlugs: [x.slug], ...none, from: "2026-07", to: "2026-09" }, READ);
    const cells = await readSealedCells({ quarters: ["2026-Q3"], platformIds: [y.id] }, READ);
    expect(cells.map((c) => c.n)).toEqual([5]);
    expect(wide.reports! - narrow.reports!).toBe(5);
  });

  it("consecutive windows: the public period moves by whole sealed quarters, never by a month", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-07", 6);
    await file(p.slug, "2025-09", 5);
    const nov = await getPlatformConditions(p.slug, day("2026-11-28"));
    const dec = await getPlatformConditions(p.slug, day("2026-12-28"));
    expect(dec.period).toEqual(nov.period);
    expect(dec.total).toEqual(nov.total);
    // A quarter earlier the window held 2025-Q3 and not 2026-Q3: the two reads differ by one
    // whole shown cell leaving (5) and one entering (6), a combination of 11 workers, not of 1.
    const sep = await getPlatformConditions(p.slug, day("2026-09-28"));
    expect(sep.period).toEqual({ from: "2025-07", to: "2026-06" });
    expect([sep.total!.n, nov.total!.n]).toEqual([5, 6]);
  });

  it("quotes: {big city + small city} minus {big city} gives no quote of the small city", async () => {
    const p = await makePlatform();
    const unionId = await moderatingUnionOf(p);
    const approve = async (rows: { id: string }[]) => {
      for (const r of rows) await moderateNarrative({ unionId, id: r.id, decision: "APPROVED" });
    };
    await approve(await file(p.slug, "2026-07", 10, { narrative: "大城市的说法" }));
    await approve(await file(p.slug, "2026-07", 2, { city: "xian", narrative: "小城市的说法" }));
    const quarters = ["2026-Q3"];
    const both = await getScopedQuotes({ platformSlugs: [p.slug], sectors: [], cities: ["shenzhen", "xian"], quarters }, READ, 50);
    const big = await getScopedQuotes({ platformSlugs: [p.slug], sectors: [], cities: ["shenzhen"], quarters }, READ, 50);
    expect(both.map((q) => q.text).sort()).toEqual(big.map((q) => q.text).sort());
    expect(both.every((q) => q.text === "大城市的说法" && q.month === "2026-07")).toBe(true);
  });

  it("deletions from a sealed quarter do not move the published figures", async () => {
    const p = await makePlatform();
    const rows = await file(p.slug, "2026-08", 6);
    const [victim] = await file(p.slug, "2026-08", 1, { deactivated: true, contract: "LABOUR_CONTRACT" });
    const before = await getPlatformConditions(p.slug, READ);
    await deleteReport(victim!);
    await deleteReport(rows[0]!);
    const after = await computeScopedConditions({ platformSlugs: [p.slug], ...none, from: "2026-07", to: "2026-09" }, READ);
    expect(before.total?.n).toBe(7);
    expect(after.total).toEqual(before.total);
  });

  it("numerators: share x n never gives 1 to 4 ('deactivated: 9%, n=11' is gone)", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-07", 10);
    await file(p.slug, "2026-07", 1, { deactivated: true, accident: "NONE", health: ["back"] });
    const stats = await getPlatformConditions(p.slug, READ);
    expect(stats.total?.n).toBe(11);
    for (const c of impliedCounts(stats.total!)) expect(notOneToFour(c)).toBe(true);
    for (const d of ["city", "sector"] as const) for (const g of stats.breakdowns[d]) for (const c of impliedCounts(g.figures)) expect(notOneToFour(c)).toBe(true);
  });

  it("a 0 is never next to a hidden 1 to 4: counts of 0 and of 1 to 4 publish from the same values", async () => {
    const [zero, two] = [await makePlatform(), await makePlatform()];
    await file(zero.slug, "2026-07", 8);
    await file(two.slug, "2026-07", 6);
    await file(two.slug, "2026-07", 2, { deactivated: true });
    const a = (await getPlatformConditions(zero.slug, READ)).total!;
    const b = (await getPlatformConditions(two.slug, READ)).total!;
    expect(a.deactivated).toBe(0);
    // Two deactivated workers publish as 0 or as 5 of 8, never as 2 of 8.
    expect([0, 5 / 8].map((s) => Math.round(s * 1000) / 1000)).toContain(b.deactivated);
  });

  it("ordering: breakdowns come in key order, so their order tells nothing about counts", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-07", 5, { city: "wuhan" });
    await file(p.slug, "2026-07", 9, { city: "beijing" });
    await file(p.slug, "2026-07", 7, { city: "shenzhen" });
    await file(p.slug, "2026-07", 4, { city: "chengdu" });
    const stats = await getPlatformConditions(p.slug, READ);
    expect(stats.breakdowns.city.map((c) => c.key)).toEqual(["beijing", "shenzhen", "wuhan"]);
  });
});
