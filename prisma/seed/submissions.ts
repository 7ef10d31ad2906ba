import { db } from "~/server/db";
import { listWorkerProfiles } from "~/features/accounts/data";
import { addMonths, statsPeriod } from "~/features/reports/months";
import { chinaToday } from "~/lib/days";
import { publishSubmission } from "~/features/submissions/mutations";
import { castSeedBallots } from "./campaigns";
import type { SeedContext } from "./base";

// A closed FlashEats campaign whose submission is published (version 1 and a correction), so
// the public submissions pages, the exports and the platform's inbox have something real.
// Its dates cover closed report months, so the condition statistics are filled in; it is
// compiled and published through the feature functions, as the organiser's page does.

const DEMANDS = [
  { title: "恶劣天气暂停超时判罚", text: "暴雨、台风、高温预警期间，暂停超时判罚和差评扣款，并自动延长配送时限。", category: "safety_and_equipment" },
  { title: "等餐时间计入工时并补贴", text: "在商家等餐超过 10 分钟的部分按分钟补贴，并且不计入超时。", category: "pay_and_deductions" },
  { title: "Human review before any deactivation", text: "No account is switched off by the algorithm alone: a person reviews it, tells the rider why, and decides an appeal within 7 days.", category: "algorithm_and_deactivation" },
  { title: "站点提供休息和充电场所", text: "每个配送站点开放可饮水、充电、如厕的休息区，高峰期间也可使用。", category: "health" },
  { title: "公开派单和奖惩规则", text: "派单、计价、奖惩规则的任何调整提前 30 天公示，并听取骑手代表意见。", category: "algorithm_and_deactivation" },
];

const LETTER = `致闪电外卖：

本会会员在本轮集体协商中提出并排序了以下诉求。排序结果、参与情况以及同期骑手劳动状况报告的统计一并附上，所有数字均经过隐私保护处理。请在答复期限内逐项答复：接受、部分接受、协商中或拒绝，并说明理由；对接受的事项请给出完成日期。

To FlashEats: our members proposed and ranked the demands below in this round of collective consultation. The ranking, participation and the riders' condition reports for the same period are attached; every figure is privacy-protected. Please answer item by item within the response period.

新就业形态劳动者工会（示范分会）`;

export async function seedSubmissions(ctx: SeedContext) {
  const today = chinaToday();
  const lastClosed = statsPeriod(today).to;
  const start = addMonths(lastClosed, -3);
  const campaign = await db.campaign.create({
    data: {
      unionId: ctx.unionId,
      title: "闪电外卖骑手 2026 夏季协商：高温、等餐与封号",
      description: "FlashEats riders proposed and ranked demands for the summer round. 骑手们提出并排序了夏季协商的诉求，结果已汇编成诉求书提交闪电外卖。",
      scopePlatformSlugs: ["flasheats"],
      scopeSectors: ["FOOD_DELIVERY"],
      targetPlatformSlugs: ["flasheats"],
      targetsUnion: true,
      phase: "CLOSED",
      proposingFrom: start,
      votingFrom: addMonths(start, 2),
      closesOn: new Date(addMonths(lastClosed, 0).getTime() + 14 * 86_400_000),
    },
    select: { id: true },
  });
  await db.demand.createMany({ data: DEMANDS.map((d, i) => ({ campaignId: campaign.id, number: i + 1, ...d, status: "APPROVED" as const, byOrganiser: i === 4 })) });
  const demands = await db.demand.findMany({ where: { campaignId: campaign.id }, orderBy: { number: "asc" }, select: { id: true, title: true, text: true, category: true } });
  await db.demandRevision.createMany({ data: demands.map((d) => ({ demandId: d.id, version: 1, kind: "proposed", ...{ title: d.title, text: d.text, category: d.category } })) });

  const riders = (await listWorkerProfiles()).filter((w) => w.platformSlugs.includes("flasheats"));
  await castSeedBallots(campaign.id, demands.map((d) => d.id), riders, 13);
  // About two in five voters had been verified in person (the participation figure).
  // Ballots carry no such mark (PRIVACY.md P6): the running counter "verified" says how many.
  const ballots = await db.ballot.count({ where: { campaignId: campaign.id } });
  const verified = Array.from({ length: ballots }, (_, i) => i).filter((i) => i % 5 < 2).length;
  await db.tallyGroup.upsert({
    where: { campaignId_dim_value: { campaignId: campaign.id, dim: "verified", value: "" } },
    create: { campaignId: campaign.id, dim: "verified", value: "", ballots: verified },
    update: { ballots: verified },
  });
  // The FlashEats waiting-time petition belongs to this campaign.
  await db.petition.updateMany({ where: { title: "等餐超过 10 分钟应计入工时并付费" }, data: { campaignId: campaign.id } });

  const first = await publishSubmission(ctx.unionId, { campaignId: campaign.id, expectedVersion: 0, coverLetter: LETTER.split("\n\nTo FlashEats")[0]!, responseDays: 30, changelog: "" }, today);
  await publishSubmission(
    ctx.unionId,
    { campaignId: campaign.id, expectedVersion: first.version, coverLetter: LETTER, responseDays: 30, changelog: "补充致函的英文译文。Added the English translation of the cover letter." },
    today,
  );
  return { campaignId: campaign.id, submissionId: first.submissionId };
}
