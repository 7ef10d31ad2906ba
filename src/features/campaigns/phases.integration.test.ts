import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { advanceDuePhases } from "~/features/campaigns/mutations";
import { setFollow } from "~/features/notifications/mutations";
import { makeCampaign } from "~/test/campaign-factories";
import { makeWorker } from "~/test/factories";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const phaseOf = async (id: string) => (await db.campaign.findUniqueOrThrow({ where: { id }, select: { phase: true } })).phase;

describe("campaign phases follow their dates", () => {
  it("opens voting on the voting date and closes after the closing day, telling followers once", async () => {
    const { campaignId } = await makeCampaign({ demands: 2, input: { proposingFrom: "2026-11-01", votingFrom: "2026-12-01", closesOn: "2026-12-20" } });
    const { account: worker } = await makeWorker();
    await setFollow(worker.accountId, campaignId, true);

    await advanceDuePhases(day("2026-11-30"));
    expect(await phaseOf(campaignId)).toBe("PROPOSING");

    await Promise.all([advanceDuePhases(day("2026-12-01")), advanceDuePhases(day("2026-12-01"))]);
    expect(await phaseOf(campaignId)).toBe("VOTING");

    await advanceDuePhases(day("2026-12-20"));
    expect(await phaseOf(campaignId)).toBe("VOTING");
    await Promise.all([advanceDuePhases(day("2026-12-21")), advanceDuePhases(day("2026-12-21"))]);
    expect(await phaseOf(campaignId)).toBe("CLOSED");

    const kinds = await db.notification.findMany({ where: { accountId: worker.accountId, campaignId }, select: { kind: true } });
    expect(kinds.map((n) => n.kind).sort()).toEqual(["RESULTS_FINAL", "VOTING_OPEN"]);
  });

  it("a campaign whose whole window passed unattended goes through voting to closed", async () => {
    const { campaignId } = await makeCampaign({ input: { proposingFrom: "2026-01-01", votingFrom: "2026-01-10", closesOn: "2026-01-20" } });
    await advanceDuePhases(day("2026-02-01"));
    expect(await phaseOf(campaignId)).toBe("CLOSED");
  });
});
