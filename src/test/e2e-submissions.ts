import { closeDb, db } from "~/server/db";
import { createCampaign, setPhase } from "~/features/campaigns/mutations";
import { addDemandAsOrganiser } from "~/features/demands/mutations";
import { setFollow } from "~/features/notifications/mutations";
import { addDays, chinaToday, parseDay } from "~/lib/days";
import { campaignInput } from "./campaign-factories";
import { makeAnswer, publishSubmission } from "./submission-factories";

// Fixtures for e2e/submissions-answers.spec.ts, written by the e2e server before the app starts
// (the embedded database allows one process). Until the compile feature publishes through the
// organiser's pages, these stand in for two published submissions of the demo union:
//   "E2E answers" — published today, addressed to FlashEats and the union: the rep answers it.
//   "E2E verdicts" — published 40 days ago (its clock ran out) for FlashEats riders; FlashEats
//   accepted demand 1 with a date three days ago, so the sweep at start asks for verdicts.
// The public demo worker follows both, so the sweep's and the answers' notices reach them.
const E2E_ANSWERS_TITLE = "E2E 回应测试：骑手保险与休息";
const E2E_VERDICTS_TITLE = "E2E 评价测试：高温补贴";

async function closedCampaign(unionId: string, title: string, demands: string[], scope: { scopePlatformSlugs?: string[]; scopeSectors?: ("FOOD_DELIVERY" | "COURIER")[] }) {
  const fields = campaignInput({ title, targetPlatformSlugs: ["flasheats"], targetsUnion: true, ...scope });
  const { id } = await createCampaign(unionId, fields, parseDay(fields.proposingFrom)!);
  for (const [i, t] of demands.entries()) {
    await addDemandAsOrganiser(unionId, id, { title: t, text: `${t}：第 ${i + 1} 项诉求的详细说明。`, category: i % 2 ? "work_injury" : "welfare_and_leave" });
  }
  await setPhase(unionId, id, "VOTING");
  await setPhase(unionId, id, "CLOSED");
  return id;
}

async function main() {
  const union = await db.union.findUniqueOrThrow({ where: { slug: "demo-branch" }, select: { id: true } });
  const flasheats = await db.platform.findUniqueOrThrow({ where: { slug: "flasheats" }, select: { id: true } });
  const demoWorker = await db.account.findFirstOrThrow({ where: { pseudonym: "Rider-DEMO01" }, select: { id: true } });

  const answersCampaign = await closedCampaign(union.id, E2E_ANSWERS_TITLE, ["平台为骑手缴纳工伤保险", "每周至少一天带薪休息", "公开派单规则"], {});
  await publishSubmission(answersCampaign, { platformIds: [flasheats.id], union: true });
  await setFollow(demoWorker.id, answersCampaign, true);

  const verdictsCampaign = await closedCampaign(union.id, E2E_VERDICTS_TITLE, ["高温天气每单补贴", "暴雨天可无责拒单"], {
    scopePlatformSlugs: ["flasheats"],
    scopeSectors: ["FOOD_DELIVERY"],
  });
  const published = await publishSubmission(verdictsCampaign, { platformIds: [flasheats.id], union: false, publishedOn: addDays(chinaToday(), -40) });
  await makeAnswer({
    itemId: published.items[0]!.id,
    partyId: published.platformParties[0]!.id,
    status: "ACCEPTED",
    text: "气温超过 35 度时每单补贴 2 元，已在全市上线。",
    dueOn: addDays(chinaToday(), -3),
    answeredOn: addDays(chinaToday(), -30),
  });
  await setFollow(demoWorker.id, verdictsCampaign, true);
  console.log("E2E submissions ready.");
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.race([closeDb(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    process.exit();
  });
