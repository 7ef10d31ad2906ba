import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { compileBody } from "~/features/submissions/compile";
import type { SubmissionDocument } from "~/features/submissions/document";
import { moderateNarrative, submitReport } from "~/features/reports/mutations";
import { makePlatform, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";
import { closedCampaign, voters, castAll } from "~/test/closed-campaign-factories";
import { makeCampaign } from "~/test/campaign-factories";
import { setPhase } from "~/features/campaigns/mutations";

// PRIVACY.md P4 as the compiled document obeys it: every count a submission publishes covers
// 0 or at least 5 workers, and nothing unpublished (pending demands, unpublished petitions,
// unmoderated quotes) gets in.

const TODAY = new Date("2026-11-28T00:00:00Z");

/** Every worker count the document publishes: ballots, first choices, inclusions, group sizes. */
function workerCounts(doc: Pick<SubmissionDocument, "participation" | "demands" | "breakdowns" | "petitions">): number[] {
  return [
    doc.participation.ballots,
    ...doc.demands.flatMap((d) => [d.firsts, d.includes]),
    ...doc.breakdowns.flatMap((b) => b.groups.flatMap((g) => [g.ballots, ...g.rows.flatMap((r) => [r.firsts, r.includes])])),
    ...doc.petitions.map((p) => p.signatures),
  ].filter((v): v is number => v !== null);
}

describe("compiling a closed campaign", () => {
  it("hides a city of 4 ballots and shows it at 5, and never publishes a count of 1 to 4", async () => {
    // Chengdu (2) and Xi'an (3) stay hidden in both, so hiding them already hides 5 ballots.
    const four = await closedCampaign({ shanghai: 10, beijing: 8, wuhan: 4, chengdu: 2, xian: 3 });
    const five = await closedCampaign({ shanghai: 10, beijing: 8, wuhan: 5, chengdu: 2, xian: 3 });
    const a = (await compileBody(four.campaignId, TODAY)).body;
    const b = (await compileBody(five.campaignId, TODAY)).body;

    const cities = (doc: typeof a) => doc.breakdowns.find((x) => x.dim === "city")!;
    expect(cities(a).groups.map((g) => g.value).sort()).toEqual(["beijing", "shanghai"]);
    expect(cities(a).hiddenGroups).toBe(3);
    expect(cities(b).groups.map((g) => [g.value, g.ballots]).sort()).toEqual([["beijing", 8], ["shanghai", 10], ["wuhan", 5]]);
    expect(cities(b).hiddenGroups).toBe(2);

    expect(a.participation.ballots).toBe(27);
    expect(a.demands.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
    for (const doc of [a, b]) for (const n of workerCounts(doc)) expect(n === 0 || n >= 5, `published count ${n}`).toBe(true);
  });

  it("publishes no tally and no participation figures below 5 ballots", async () => {
    const { campaignId } = await closedCampaign({ wuhan: 4 });
    const { body } = await compileBody(campaignId, TODAY);
    expect(body.participation).toMatchObject({ ballots: null, verifiedShare: null, demandsApproved: 4 });
    expect(body.breakdowns).toEqual([]);
    expect(body.demands.map((d) => [d.rank, d.number, d.points, d.firsts, d.share])).toEqual([1, 2, 3, 4].map((n) => [n, n, null, null, null]));
  });

  it("gives the verified share only when neither part is 1 to 4 workers", async () => {
    const made = await makeCampaign({ demands: 3, phase: "VOTING" });
    const ids = await voters(12, { city: "wuhan" });
    await db.verification.createMany({ data: ids.slice(0, 3).map((accountId) => ({ accountId, unionId: made.union.id })) });
    await castAll(made.campaignId, made.demandIds, ids);
    await setPhase(made.union.id, made.campaignId, "CLOSED");
    expect((await compileBody(made.campaignId, TODAY)).body.participation.verifiedShare).toBeNull();

    const other = await makeCampaign({ demands: 3, phase: "VOTING" });
    const more = await voters(12, { city: "wuhan" });
    await db.verification.createMany({ data: more.slice(0, 6).map((accountId) => ({ accountId, unionId: other.union.id })) });
    await castAll(other.campaignId, other.demandIds, more);
    await setPhase(other.union.id, other.campaignId, "CLOSED");
    const { body } = await compileBody(other.campaignId, TODAY);
    expect(body.participation).toMatchObject({ ballots: 12, verifiedShare: 0.5 });
    // The method says which participation was counted, in both languages.
    expect(body.method.counted?.en).toContain("the ballots of every account");
    expect(body.method.counted?.zh).toContain("计入所有账户的投票");
  });

  it("says in the method when only verified workers' ballots were counted", async () => {
    const made = await makeCampaign({ demands: 3, phase: "VOTING", input: { verifiedOnly: true } });
    await setPhase(made.union.id, made.campaignId, "CLOSED");
    const { body } = await compileBody(made.campaignId, TODAY);
    expect(body.method.counted?.en).toContain("only the ballots of workers the union had verified in person");
    expect(body.campaign.verifiedOnly).toBe(true);
  });

  it("leaves out pending and rejected demands and unpublished petitions; petition counts below 5 are null", async () => {
    const made = await closedCampaign({ shanghai: 6 }, { demands: 2 });
    const secret = `PENDING-${uid()}`;
    await db.demand.createMany({
      data: [
        { campaignId: made.campaignId, number: 100, title: secret, text: `${secret} text`, category: "other", status: "PENDING" },
        { campaignId: made.campaignId, number: 101, title: `REJECTED-${secret}`, text: "x", category: "other", status: "REJECTED" },
      ],
    });
    const petition = (status: "PUBLISHED" | "GATHERING_SPONSORS", title: string) => ({
      id: `pet-${uid()}`,
      shortCode: uid(),
      ownerKey: `owner-${uid()}`,
      title,
      ask: `${title}: the ask`,
      reason: "A reason long enough.",
      targetKind: "OTHER" as const,
      targetName: "Labour bureau",
      campaignId: made.campaignId,
      status,
    });
    const [many, few, draft] = [petition("PUBLISHED", "Seven signed"), petition("PUBLISHED", "Three signed"), petition("GATHERING_SPONSORS", `DRAFT-${secret}`)];
    await db.petition.createMany({ data: [many, few, draft] });
    await db.petitionTally.createMany({
      data: [
        { petitionId: many.id, dimension: "total", value: "", slot: 0, count: 4 },
        { petitionId: many.id, dimension: "total", value: "", slot: 1, count: 3 },
        { petitionId: few.id, dimension: "total", value: "", slot: 0, count: 3 },
      ],
    });

    const { body } = await compileBody(made.campaignId, TODAY);
    expect(JSON.stringify(body)).not.toContain(secret);
    expect(body.participation).toMatchObject({ demandsProposed: 4, demandsApproved: 2 });
    expect(body.demands).toHaveLength(2);
    expect(body.petitions.map((p) => [p.title, p.signatures]).sort()).toEqual([
      ["Seven signed", 7],
      ["Three signed", null],
    ]);
  });

  it("adds condition figures and quotes from the scope's whole sealed quarters only", async () => {
    const platform = await makePlatform();
    const elsewhere = await makePlatform();
    const made = await makeCampaign({
      demands: 2,
      phase: "CLOSED",
      input: { scopePlatformSlugs: [platform.slug], proposingFrom: "2026-09-01", votingFrom: "2026-10-01", closesOn: "2026-11-10" },
    });
    const file = async (slug: string, month: string, narrative: string | null, city: "shenzhen" | "wuhan" = "shenzhen") => {
      const { id } = await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: slug, month, city, narrative }), today: new Date(`${month}-20T00:00:00Z`) });
      if (narrative) await moderateNarrative({ unionId: await moderatingUnionOf({ slug }), id, decision: "APPROVED" });
    };
    // The scope's months 2026-09..2026-11 touch the sealed quarter 2026-Q3 (counted whole) and
    // 2026-Q4, which is not sealed on TODAY (its months can still change): not counted.
    for (let i = 0; i < 10; i++) await file(platform.slug, "2026-07", i === 0 ? "July quote about waiting time" : null);
    await file(platform.slug, "2026-08", "A quote from a hidden cell of one report", "wuhan");
    await file(platform.slug, "2026-10", null);
    for (let i = 0; i < 5; i++) await file(elsewhere.slug, "2026-09", null);

    const { body } = await compileBody(made.campaignId, TODAY);
    expect(body.conditions?.period).toEqual({ from: "2026-07", to: "2026-09" });
    expect(body.conditions?.reports).toBe(10);
    expect(body.conditions?.figures.n).toBe(10);
    expect(body.quotes).toEqual([{ text: "July quote about waiting time", month: "2026-07" }]);
    for (const b of body.conditions!.breakdowns) for (const g of b.groups) expect(g.figures.n).toBeGreaterThanOrEqual(5);
  });
});
