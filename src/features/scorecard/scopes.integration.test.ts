import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { submitReport } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { readPlatformScorecard } from "~/features/scorecard/data";
import type { PlatformScorecard } from "~/features/scorecard/types";
import { readSealedCells, sealQuarters } from "~/features/stats/lattice/data";
import { makePlatform, makeUnion, makeWorker, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

// A differencing observer against the scorecard (PRIVACY.md P4): every scope, quarter and total
// is a sum of whole sealed cells, so the scorecard says nothing the lattice does not publish.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const READ = "2026-11-28"; // 2026-Q3 sealed
const Q3 = ["2026-Q3"];

async function file(slug: string, city: ReportInput["city"], count: number, overrides: Partial<ReportInput> = {}, accountId = () => `acct-${uid()}`) {
  for (let i = 0; i < count; i++) {
    await submitReport({ accountId: accountId(), input: validReport({ platformSlug: slug, month: "2026-08", city, ...overrides }), today: day("2026-08-20") });
  }
}

// Everything a reader sees but the platform's own name and id.
const shown = (c: PlatformScorecard | null) => ({ overall: c!.overall, scopes: c!.scopes, history: c!.history });

// Well paid, on a labour contract, trained, equipped: two such workers would move every principle.
const STANDOUT: Partial<ReportInput> = { activeHoursPerWeek: 30, contract: "LABOUR_CONTRACT", workInjury: "SOCIAL", contractParty: "PLATFORM", safetyTraining: true, unexplainedPenalties: "NEVER", unexplainedPayChanges: "NEVER" };

describe("differencing the scorecard", () => {
  it("two workers in a cell under 5 change no figure: the platform with them scores as its twin without them", async () => {
    const [withThem, twin] = [await makePlatform(), await makePlatform()];
    for (const p of [withThem, twin]) {
      await file(p.slug, "beijing", 9);
      await file(p.slug, "shanghai", 6, { activeHoursPerWeek: 35 });
    }
    await file(withThem.slug, "xian", 2, STANDOUT);
    // The same rounding draw for both, so the only difference left would be the two workers.
    for (const p of [withThem, twin]) await sealQuarters(Q3, [p.id], day(READ), () => 0.5);

    const [a, b] = [await readPlatformScorecard(withThem.slug, READ), await readPlatformScorecard(twin.slug, READ)];
    expect(shown(a)).toEqual(shown(b));
    expect(a!.overall.reports).toBe(15);
    expect(a!.scopes.map((s) => [s.city, s.sector, s.reports])).toEqual([
      ["beijing", "FOOD_DELIVERY", 9],
      ["shanghai", "FOOD_DELIVERY", 6],
    ]);
  });

  it("scopes are the lattice's own cells: overall minus every scope is nothing, and the reports behind each are the cells' n", async () => {
    const p = await makePlatform();
    await file(p.slug, "beijing", 7);
    await file(p.slug, "shanghai", 5, STANDOUT);
    await file(p.slug, "beijing", 6, { sector: "COURIER" });
    const card = (await readPlatformScorecard(p.slug, READ))!;
    const cells = await readSealedCells({ quarters: Q3, platformIds: [p.id] }, day(READ));
    expect(card.scopes.map((s) => `${s.city}/${s.sector}/${s.reports}`).sort()).toEqual(cells.map((c) => `${c.city}/${c.sector}/${c.n}`).sort());
    expect(card.overall.reports - card.scopes.reduce((a, s) => a + s.reports, 0)).toBe(0);
    // A scope of one cell and the quarter's history point are the same cells, so they agree.
    expect(card.history.find((h) => h.quarter === "2026-Q3")!.reports).toBe(card.overall.reports);
  });

  it("the verified part is a sealed, rounded count: shown only where neither part is 1 to 4", async () => {
    const p = await makePlatform();
    const union = await makeUnion();
    const verifiedAccount = async () => {
      const w = await makeWorker();
      await db.verification.create({ data: { accountId: w.account.accountId, unionId: union.id } });
      return w.account.accountId;
    };
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await verifiedAccount());
    await file(p.slug, "beijing", 10, {}, () => ids.pop()!);
    await file(p.slug, "beijing", 10);
    // 2 verified among 7 in another cell: rounded to 0 or 5 when sealed, never 2.
    const few = [await verifiedAccount(), await verifiedAccount()];
    await file(p.slug, "shanghai", 2, {}, () => few.pop()!);
    await file(p.slug, "shanghai", 5);
    await sealQuarters(Q3, [p.id], day(READ), () => 0.99);
    const card = (await readPlatformScorecard(p.slug, READ))!;
    const beijing = card.scopes.find((s) => s.city === "beijing")!;
    expect(beijing.verifiedShare).toBe(0.5);
    const shanghai = card.scopes.find((s) => s.city === "shanghai")!;
    // 2 rounds down to 0 with this draw (up with probability 2/5): the sealed count is 0, not 2.
    expect(shanghai.verifiedShare).toBe(0);
    expect(card.overall.verifiedShare).toBe(Math.round((10 / 27) * 10_000) / 10_000);
  });
});
