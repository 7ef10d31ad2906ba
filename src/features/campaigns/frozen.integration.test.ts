import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createCampaign, setPhase, updateCampaign } from "~/features/campaigns/mutations";
import type { CampaignInput } from "~/features/campaigns/schema";
import { campaignInput, makeCampaign } from "~/test/campaign-factories";
import { callerFor, makeUnion } from "~/test/factories";

// Issue 12, recipe 2: a campaign re-scoped or re-dated after proposing ended (or backdated)
// lets an organiser subtract two tallies of nested scopes. Scope, phase dates and
// verifiedOnly are frozen once proposing ends; no date may be set in the past.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
const frozenFields = { scopePlatformSlugs: true, scopeSectors: true, scopeCities: true, proposingFrom: true, votingFrom: true, closesOn: true, verifiedOnly: true, title: true } as const;
const stored = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: frozenFields });

const base = { proposingFrom: "2026-11-01", votingFrom: "2026-12-01", closesOn: "2026-12-20", scopeCities: ["xian", "hangzhou"] } satisfies Partial<CampaignInput>;
const edits: [string, Partial<CampaignInput>][] = [
  ["narrower cities", { scopeCities: ["hangzhou"] }],
  ["wider sectors", { scopeSectors: ["COURIER"] }],
  ["platforms", { scopePlatformSlugs: ["flasheats"] }],
  ["earlier start (backdated)", { proposingFrom: "2026-10-01" }],
  ["later voting", { votingFrom: "2026-12-05" }],
  ["later close", { closesOn: "2026-12-30" }],
  ["earlier close", { closesOn: "2026-12-10" }],
  ["verified only", { verifiedOnly: true }],
];

describe("frozen campaign inputs", () => {
  for (const phase of ["VOTING", "CLOSED"] as const) {
    it(`refuses every change of scope, dates or verifiedOnly once ${phase}, and changes nothing`, async () => {
      const { union, campaignId } = await makeCampaign({ demands: 1, phase, input: base });
      const before = await stored(campaignId);
      for (const [name, edit] of edits) {
        expect(await code(updateCampaign(union.id, campaignId, campaignInput({ ...base, title: before.title, ...edit }), day("2026-12-02"))), name).toBe("CAMPAIGN_FROZEN");
      }
      expect(await stored(campaignId)).toEqual(before);
      // The same inputs in another order are no change: the title may still be corrected.
      await updateCampaign(union.id, campaignId, campaignInput({ ...base, scopeCities: ["hangzhou", "xian"], title: "Corrected title" }), day("2026-12-02"));
      expect(await stored(campaignId)).toEqual({ ...before, title: "Corrected title" });
    });
  }

  it("freezes by date too: on the voting day, before the sweep has moved the phase", async () => {
    const { union, campaignId } = await makeCampaign({ demands: 1, input: base });
    const before = await stored(campaignId);
    expect(await code(updateCampaign(union.id, campaignId, campaignInput({ ...base, scopeCities: ["hangzhou"] }), day("2026-12-01")))).toBe("CAMPAIGN_FROZEN");
    expect(await stored(campaignId)).toEqual(before);
    // The day before, proposing is still open: the scope may change.
    await updateCampaign(union.id, campaignId, campaignInput({ ...base, title: before.title, scopeCities: ["hangzhou"] }), day("2026-11-30"));
    expect((await stored(campaignId)).scopeCities).toEqual(["hangzhou"]);
  });

  it("refuses a start date in the past on create and on edit, and unordered dates", async () => {
    const union = await makeUnion();
    const today = day("2026-12-02");
    expect(await code(createCampaign(union.id, campaignInput({ proposingFrom: "2026-12-01", votingFrom: "2026-12-10", closesOn: "2026-12-20" }), today))).toBe("CAMPAIGN_DATE_PAST");
    expect(await code(createCampaign(union.id, campaignInput({ proposingFrom: "2026-12-05", votingFrom: "2026-12-04", closesOn: "2026-12-20" }), today))).toBe("CAMPAIGN_DATE_ORDER");
    const future = { proposingFrom: "2026-12-02", votingFrom: "2026-12-10", closesOn: "2026-12-20" };
    const { id } = await createCampaign(union.id, campaignInput(future), today);
    const before = await stored(id);
    expect(await code(updateCampaign(union.id, id, campaignInput({ ...future, proposingFrom: "2026-11-20" }), today))).toBe("CAMPAIGN_DATE_PAST");
    expect(await code(updateCampaign(union.id, id, campaignInput({ ...future, closesOn: "2026-12-05" }), today))).toBe("CAMPAIGN_DATE_ORDER");
    expect(await stored(id)).toEqual(before);
    // A start that has passed may stay as it is while proposing is open.
    await updateCampaign(union.id, id, campaignInput({ ...future, title: before.title, closesOn: "2026-12-24" }), day("2026-12-04"));
    expect(day("2026-12-24")).toEqual((await stored(id)).closesOn);
  });

  it("is refused through the organiser's procedure with the translated code", async () => {
    const { union, organiser, campaignId } = await makeCampaign({ demands: 1, input: base });
    await setPhase(union.id, campaignId, "VOTING");
    const before = await stored(campaignId);
    const caller = callerFor(organiser.account);
    expect(await code(caller.campaigns.update({ campaignId, campaign: campaignInput({ ...base, scopeCities: ["xian"] }) }))).toBe("CAMPAIGN_FROZEN");
    expect(await stored(campaignId)).toEqual(before);
  });
});
