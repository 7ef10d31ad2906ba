import { db } from "~/server/db";
import { listWorkerProfiles } from "~/features/accounts/data";
import { nullifier } from "~/server/nullifier";
import { coarseProfile, storeRecountedTally } from "~/features/ballots/mutations";
import { seededRandom, type SeedContext } from "./base";

// Three campaigns of the demo union: one voting (with live results), one still collecting
// proposals, one closed. Ballots and the running tally are written in bulk from a recount,
// which is exactly what the incremental tally would hold.

type D = { title: string; text: string; category: string };

const VOTING_DEMANDS: D[] = [
  { title: "每周至少一天带薪休息", text: "平台应保证骑手每周至少休息一天，休息日不影响等级和派单。", category: "welfare_and_leave" },
  { title: "取消超时罚款，改为合理时限", text: "配送时限应考虑天气、电梯和商家出餐时间；超时不再直接扣钱。", category: "pay_and_deductions" },
  { title: "封号前必须告知理由并允许申诉", text: "任何封号或降级都要说明具体原因，并给 7 天时间申诉，由人工复核。", category: "algorithm_and_deactivation" },
  { title: "平台为全部骑手缴纳工伤保险", text: "以职业伤害保障替代商业意外险，保障范围覆盖上下线途中。", category: "work_injury" },
  { title: "公开派单和计价规则", text: "单价、补贴和派单规则变动需提前 30 天公示，并与工会协商。", category: "algorithm_and_deactivation" },
  { title: "高温和暴雨天气补贴", text: "气温超过 35 度或暴雨预警时，每单增加补贴，并可无责拒单。", category: "safety_and_equipment" },
  { title: "设立骑手驿站", text: "在商圈设置可休息、饮水、充电和如厕的驿站。", category: "health" },
];

const PROPOSING_DEMANDS: D[] = [
  { title: "派件费不得随意下调", text: "每件派费的调整须提前公示并经协商，不得在旺季后单方面下调。", category: "pay_and_deductions" },
  { title: "虚假签收投诉由平台核实", text: "客户投诉未收到时，平台应先调取记录核实，不得直接扣快递员的钱。", category: "pay_and_deductions" },
  { title: "Paid sick days for couriers", text: "Couriers who are ill should be able to take up to five paid sick days a year without losing their route.", category: "health" },
  { title: "签订书面劳动合同", text: "长期稳定为平台送件的快递员应签订劳动合同，而不是合作协议。", category: "contracts" },
];

const CLOSED_DEMANDS: D[] = [
  { title: "Clear rules for account suspensions", text: "Drivers should be told why an account is suspended and get a human review within 3 days.", category: "algorithm_and_deactivation" },
  { title: "降低平台抽成比例", text: "平台抽成不超过订单金额的 20%，并在每单明细中显示。", category: "pay_and_deductions" },
  { title: "夜间安全保障", text: "夜间接单提供一键报警和行程共享，遇险时平台及时响应。", category: "safety_and_equipment" },
];

const day = (offset: number) => new Date(Date.UTC(2026, 10, 28 + offset));

async function campaignWithDemands(
  ctx: SeedContext,
  data: { title: string; description: string; phase: "PROPOSING" | "VOTING" | "CLOSED"; offsets: [number, number, number]; scope: { platforms?: string[]; sectors?: ("FOOD_DELIVERY" | "COURIER" | "RIDE_HAILING")[] } },
  demands: D[],
  status: "APPROVED" | "PENDING",
) {
  const campaign = await db.campaign.create({
    data: {
      unionId: ctx.unionId,
      title: data.title,
      description: data.description,
      scopePlatformSlugs: data.scope.platforms ?? [],
      scopeSectors: data.scope.sectors ?? [],
      targetPlatformSlugs: data.scope.platforms ?? [],
      targetsUnion: false,
      phase: data.phase,
      proposingFrom: day(data.offsets[0]),
      votingFrom: day(data.offsets[1]),
      closesOn: day(data.offsets[2]),
    },
    select: { id: true },
  });
  await db.demand.createMany({ data: demands.map((d, i) => ({ campaignId: campaign.id, number: i + 1, ...d, status: i === 0 ? "APPROVED" : status, byOrganiser: i % 3 === 0 })) });
  const rows = await db.demand.findMany({ where: { campaignId: campaign.id }, orderBy: { number: "asc" }, select: { id: true, title: true, text: true, category: true } });
  await db.demandRevision.createMany({ data: rows.map((r) => ({ demandId: r.id, version: 1, kind: "proposed", title: r.title, text: r.text, category: r.category })) });
  return { campaignId: campaign.id, demandIds: rows.map((r) => r.id) };
}

export async function castSeedBallots(campaignId: string, demandIds: string[], voters: { id: string; city: string | null; platformSlugs: string[]; sectors: string[] }[], seed: number) {
  const rand = seededRandom(seed);
  // Popularity skew so the ranking is readable.
  const weights = demandIds.map((_, i) => 1 / (i + 1.5));
  const ballots = voters.map((v) => {
    const pool = [...demandIds];
    const ranked: string[] = [];
    const n = 1 + Math.floor(rand() * 5);
    while (ranked.length < Math.min(n, pool.length)) {
      const total = pool.reduce((s, id) => s + weights[demandIds.indexOf(id)]!, 0);
      let r = rand() * total;
      const pick = pool.find((id) => (r -= weights[demandIds.indexOf(id)]!) <= 0) ?? pool[0]!;
      ranked.push(pick);
      pool.splice(pool.indexOf(pick), 1);
    }
    return { voter: v, demandIds: ranked, profile: coarseProfile(v) };
  });
  await db.ballot.createMany({
    data: ballots.map((b) => ({ campaignId, nullifier: nullifier("ballot", b.voter.id, campaignId), demandIds: b.demandIds, ...b.profile })),
  });
  await storeRecountedTally(campaignId, ballots);
}

export async function seedCampaigns(ctx: SeedContext) {
  const workers = await listWorkerProfiles();

  const voting = await campaignWithDemands(
    ctx,
    {
      title: "2027 外卖骑手集体协商：休息、罚款与封号",
      description: "本轮协商将向闪电外卖提出骑手最关心的诉求。请为已通过审核的诉求排序，结果将作为谈判议程的依据。",
      phase: "VOTING",
      offsets: [-20, -3, 18],
      scope: { platforms: ["flasheats"], sectors: ["FOOD_DELIVERY"] },
    },
    VOTING_DEMANDS,
    "APPROVED",
  );
  await castSeedBallots(voting.campaignId, voting.demandIds, workers.slice(0, 160), 7);

  const proposing = await campaignWithDemands(
    ctx,
    {
      title: "快递员派费与合同 · 征集诉求",
      description: "Couriers: tell us what should change about per-parcel fees, complaints and contracts. 欢迎提出诉求并支持你认同的提议。",
      phase: "PROPOSING",
      offsets: [-5, 10, 25],
      scope: { sectors: ["COURIER"] },
    },
    PROPOSING_DEMANDS,
    "PENDING",
  );
  const rand = seededRandom(11);
  const supports = proposing.demandIds.flatMap((demandId, i) =>
    workers.filter(() => rand() < 0.12 / (i + 1)).map((w) => ({ demandId, supporter: nullifier("support", w.id, proposing.campaignId) })),
  );
  await db.demandSupport.createMany({ data: supports });
  for (const demandId of proposing.demandIds) {
    await db.demand.update({ where: { id: demandId }, data: { supportCount: supports.filter((s) => s.demandId === demandId).length } });
  }

  const closed = await campaignWithDemands(
    ctx,
    {
      title: "网约车司机 2026 春季协商（已结束）",
      description: "Ride-hailing drivers ranked their priorities for the spring round. 最终结果如下。",
      phase: "CLOSED",
      offsets: [-90, -60, -40],
      scope: { sectors: ["RIDE_HAILING"] },
    },
    CLOSED_DEMANDS,
    "APPROVED",
  );
  await castSeedBallots(closed.campaignId, closed.demandIds, workers.slice(100, 190), 3);
}
