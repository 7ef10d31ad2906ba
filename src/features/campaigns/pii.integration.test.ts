import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { submitReport } from "~/features/reports/mutations";
import { validReport } from "~/test/report-input";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker, moderatingUnionOf } from "~/test/factories";
import { campaignInput, makeCampaign } from "~/test/campaign-factories";
import { writerFor } from "~/test/write-client";

// Issue 17: every free-text field is checked on the server with the same scanner the forms
// preview with, in the everyday writings: published texts are refused, narratives redacted.

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
const petition = {
  title: "Stop unpaid waiting time at pickup",
  ask: "Pay riders for every minute they wait at restaurants beyond five minutes.",
  reason: "We wait twenty minutes for orders and lose income while the app counts us late.",
};

async function publishedPetition(platformId: string) {
  const { id, sponsorToken: token } = await callerFor((await makeWorker()).account).petitions.start({ ...petition, target: { kind: "PLATFORM", platformId } });
  for (let i = 0; i < 5; i++) await callerFor((await makeWorker()).account).petitions.sponsor({ petitionId: id, token });
  // Moderated by the union an admin assigned to the platform (P7).
  const organiser = (await makeStaff("ORGANISER", await moderatingUnionOf({ id: platformId }))).account;
  await callerFor(organiser).petitions.moderate({ petitionId: id, decision: "PUBLISH", threshold: 1000 });
  return id;
}

describe("personal data in free text, as workers write it", () => {
  it("campaign titles and descriptions are refused like every published text", async () => {
    const organiser = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    const input = campaignInput({ description: "有问题加站长V信：zhan_zhang88，他会回复。" });
    expect(await code(organiser.campaigns.create(input))).toBe("PII_DETECTED");
    expect(await db.campaign.count({ where: { title: input.title } })).toBe(0);
  });

  it("petitions, comments, proposals and reasons refuse handles, cards, addresses and work ids", async () => {
    const platform = await makePlatform();
    const worker = callerFor((await makeWorker()).account);
    const target = { kind: "PLATFORM" as const, platformId: platform.id };
    expect(await code(worker.petitions.start({ ...petition, reason: `${petition.reason} 扣扣 123456789`, target }))).toBe("PII_DETECTED");
    expect(await code(worker.petitions.start({ ...petition, ask: `${petition.ask} 我住阳光小区3栋2单元502`, target }))).toBe("PII_DETECTED");
    const id = await publishedPetition(platform.id);
    const signer = writerFor((await makeWorker()).account);
    expect(await code(signer.petitions.sign({ petitionId: id, comment: "工资卡 6222 0212 3456 7894 没到账" }))).toBe("PII_DETECTED");
    expect(await db.petitionSignature.count({ where: { petitionId: id, comment: { not: null } } })).toBe(0);

    const { campaignId, organiser } = await makeCampaign();
    const proposal = { campaignId, title: "Rest days", text: "我的骑手ID：R882310，站长天天让我加班。", category: "other" as const };
    expect(await code(worker.demands.propose(proposal))).toBe("PII_DETECTED");
    const ok = await worker.demands.propose({ ...proposal, text: "Riders should get a paid rest day every week." });
    expect(await code(callerFor(organiser.account).demands.reject({ demandId: ok.id, reason: "打138.1234.5678问" }))).toBe("PII_DETECTED");
  });

  it("narratives are stored with the new kinds redacted", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const narrative = "站长电话 138一1234一5678，住幸福里12号，威信 rider_li88。";
    const { id } = await submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, narrative }), today: new Date("2026-11-20T00:00:00Z") });
    expect((await db.report.findUniqueOrThrow({ where: { id } })).narrative).toBe("站长电话 [***]，住[***]，威信 [***]。");
  });
});
