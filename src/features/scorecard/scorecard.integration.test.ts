import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { readLeagueTable, readPlatformScorecard } from "~/features/scorecard/data";
import { makePlatform, uid } from "~/test/factories";
import { db } from "~/server/db";
import { addVerdicts, answer, makePlatformRow, makeSubmission } from "~/test/opendata-factories";
import { validReport } from "~/test/report-input";

// The scorecard reads sealed cells only: sealed reports move a platform's pay point, a report in
// a quarter not yet sealed moves nothing.

const day = (s: string) => new Date(`${s}T00:00:00Z`);

async function file(slug: string, month: string, count: number, overrides: Partial<ReportInput> = {}) {
  for (let i = 0; i < count; i++) {
    await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month, city: "beijing", ...overrides }), today: day(`${month}-20`) });
  }
}

// validReport nets 6,550 yuan after costs: 37.8 yuan an active hour at 40 hours a week, 18.9 at 80.
// Beijing's part-time minimum on file is 27.70 from 2024-09-01.
const ABOVE = { activeHoursPerWeek: 40 };
const BELOW = { activeHoursPerWeek: 80 };

describe("the scorecard from sealed quarters", () => {
  it("sealed reports move the pay point; a report in an unsealed quarter does not", async () => {
    const p = await makePlatform();
    await file(p.slug, "2026-05", 10, ABOVE);
    await file(p.slug, "2026-08", 20, BELOW);

    const inQ3 = await readPlatformScorecard(p.slug, "2026-09-15");
    expect(inQ3!.overall.quarters[0]).toBe("2026-Q2");
    expect(inQ3!.overall.reports).toBe(10);
    expect(inQ3!.overall.card.principles.pay.basic.status).toBe("awarded");

    // One more report below the wage in the open quarter: nothing moves before it is sealed.
    await file(p.slug, "2026-09", 1, BELOW);
    expect(await readPlatformScorecard(p.slug, "2026-09-15")).toEqual(inQ3);

    const afterSealing = await readPlatformScorecard(p.slug, "2026-10-15");
    expect(afterSealing!.overall.quarters[0]).toBe("2026-Q3");
    expect(afterSealing!.overall.reports).toBe(31);
    expect(afterSealing!.overall.card.principles.pay.basic.status).toBe("not_met");
    // The history keeps each quarter's own score.
    const q2 = afterSealing!.history.find((h) => h.quarter === "2026-Q2")!;
    expect(q2.card.principles.pay.basic.status).toBe("awarded");
    expect(afterSealing!.history.find((h) => h.quarter === "2026-Q3")!.card.principles.pay.basic.status).toBe("not_met");

    const league = await readLeagueTable("2026-10-15");
    expect(league.find((r) => r.slug === p.slug)!.overall).toEqual(afterSealing!.overall);
  });

  it("representation: submissions answered within the clock and commitments workers confirm, by the quarter their clock ended", async () => {
    const p = await makePlatformRow(db);
    const platform = p;
    // Five submissions whose 30-day clocks end in 2026-Q3: four answered in time, one late.
    const parties: { itemId: string; partyId: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const sub = await makeSubmission(db, { platforms: [platform], items: 1, publishedOn: "2026-07-01" });
      parties.push({ itemId: sub.items[0]!.id, partyId: sub.parties[p.id]! });
    }
    const commitment = await answer(db, { ...parties[0]!, status: "ACCEPTED", answeredOn: "2026-07-10", dueOn: "2026-08-15" });
    for (const x of parties.slice(1, 4)) await answer(db, { ...x, status: "REJECTED", answeredOn: "2026-07-20" });
    await answer(db, { ...parties[4]!, status: "REJECTED", answeredOn: "2026-09-01" });
    // 6 say done, 4 not: released in steps of 5 as 5 and 0.
    await addVerdicts(db, commitment, { YES: 6, NO: 4 });
    // A submission whose clock runs into the open quarter counts for nothing yet.
    await makeSubmission(db, { platforms: [platform], items: 1, publishedOn: "2026-11-20" });

    const card = (await readPlatformScorecard(p.slug, "2026-11-28"))!;
    expect(card.overall.card.principles.representation).toMatchObject({ basic: { status: "awarded" }, advanced: { status: "awarded" }, points: 2 });
    // The same record a quarter earlier had no submission whose clock had ended.
    const before = (await readPlatformScorecard(p.slug, "2026-09-15"))!;
    expect(before.overall.card.principles.representation.basic.status).toBe("not_enough_reports");
  });

  it("an unknown platform has no scorecard", async () => {
    expect(await readPlatformScorecard(`nope-${uid()}`)).toBeNull();
  });
});
