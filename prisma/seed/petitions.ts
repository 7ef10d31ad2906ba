import { randomBytes } from "node:crypto";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { ownerKeyOf, unverifiedSignatureTag } from "~/features/petitions/policy";
import { listWorkerProfiles } from "~/features/accounts/data";
import { chinaToday } from "~/lib/days";
import type { SeedContext } from "./base";
import { seededRandom } from "./base";

// Fictional petitions in every state, so the feature looks alive: signatures come from the
// seeded crowd, with counters and milestones built in SQL as the signing path would keep them.

const DAY = 86_400_000;
const today = () => chinaToday();
const daysAgo = (d: number) => new Date(today().getTime() - d * DAY);
const code = () => randomBytes(5).toString("hex").slice(0, 7);

const COMMENTS = [
  "在商场里等二十分钟是常事，这些时间一分钱都没有。",
  "Waiting at the counter is work. Pay it.",
  "超时扣款却不算等餐时间，太不公平了。",
  "希望平台能认真回应。",
  "My whole lunch rush disappears into waiting.",
  "每天至少一个小时耗在取餐上。",
  "支持！出餐慢不是骑手的错。",
  "Restaurants should not be our problem.",
  "签了，转发到站点群里了。",
  "等餐时间应当计入工时。",
  "算法只看送达时间，不看我们等了多久。",
  "Good luck to everyone who signed.",
];

type Spec = {
  title: string;
  ask: string;
  reason: string;
  target: { platform?: keyof SeedContext["platformIds"]; union?: true; name?: string };
  status: "GATHERING_SPONSORS" | "PENDING_MODERATION" | "PUBLISHED" | "REJECTED";
  signatures?: number;
  threshold?: number;
  publishedDaysAgo?: number;
  extra?: Record<string, unknown>;
};

const SPECS: Spec[] = [
  {
    title: "等餐超过 10 分钟应计入工时并付费",
    ask: "闪电外卖对骑手在商家处等餐超过 10 分钟的时间按每分钟 0.3 元补贴，并不计入超时。",
    reason: "高峰期在商场等餐常常超过 20 分钟，这段时间没有收入，系统却照样判我们超时扣款。",
    target: { platform: "flasheats" },
    status: "PUBLISHED",
    signatures: 212,
    publishedDaysAgo: 20,
  },
  {
    title: "取消因恶劣天气造成的超时罚款",
    ask: "速达快递在暴雨、台风等预警期间暂停超时罚款，并公开天气规则。",
    reason: "暴雨天骑车送件既危险又慢，罚款逼着我们冒险。",
    target: { platform: "swiftparcel" },
    status: "PUBLISHED",
    signatures: 64,
    threshold: 50,
    publishedDaysAgo: 30,
    extra: { thresholdReachedOn: daysAgo(12) },
  },
  {
    title: "Explain every account deactivation and allow an appeal",
    ask: "RideAlong gives a written reason for every deactivation and an appeal decided by a person within 7 days.",
    reason: "Drivers are switched off overnight with no reason and lose their income for weeks.",
    target: { platform: "ridealong" },
    status: "PUBLISHED",
    signatures: 41,
    threshold: 30,
    publishedDaysAgo: 45,
    extra: {
      thresholdReachedOn: daysAgo(35),
      responseText: "从下月起，每次封号都会附上书面理由，并由人工在 7 个工作日内处理申诉。",
      respondedOn: daysAgo(28),
    },
  },
  {
    title: "为新就业形态劳动者设立高温补贴",
    ask: "市人力资源和社会保障局明确外卖、快递骑手适用高温津贴规定。",
    reason: "夏天连续高温，户外工作的骑手没有任何高温补贴。",
    target: { name: "市人力资源和社会保障局" },
    status: "PUBLISHED",
    signatures: 37,
    publishedDaysAgo: 60,
    extra: { deliveredTo: "市人力资源和社会保障局信访办", deliveredOn: daysAgo(10) },
  },
  {
    title: "主播的打赏分成规则必须提前公示",
    ask: "星光直播在调整打赏分成比例前至少提前 30 天公示。",
    reason: "分成比例经常在月中突然调整，我们无法安排收入。",
    target: { platform: "starlive" },
    status: "PENDING_MODERATION",
  },
  {
    title: "站点休息区开放饮水和充电",
    ask: "工会协调各站点为骑手开放饮水、充电和休息区。",
    reason: "站点附近没有可以休息和充电的地方。",
    target: { union: true },
    status: "GATHERING_SPONSORS",
  },
  {
    title: "删除某位站长的违规行为",
    ask: "要求平台开除某位站长。",
    reason: "他对我们很凶，大家都知道是谁。",
    target: { platform: "flasheats" },
    status: "REJECTED",
    extra: { rejectionReason: "联署不能针对具体个人。请改为要求平台建立站点管理人员的投诉渠道。" },
  },
];

export async function seedPetitions(ctx: SeedContext) {
  const rand = seededRandom(7);
  const workers = await listWorkerProfiles();
  const demo = await db.account.findUnique({ where: { pseudonym: "Rider-DEMO01" }, select: { id: true } });
  const starterId = demo?.id ?? workers[0]!.id;
  let n = 0;
  for (const spec of SPECS) {
    const id = randomBytes(12).toString("base64url");
    const published = spec.status === "PUBLISHED";
    const publishedOn = published ? daysAgo(spec.publishedDaysAgo ?? 10) : null;
    const platformId = spec.target.platform ? ctx.platformIds[spec.target.platform] : null;
    await db.petition.create({
      data: {
        id,
        shortCode: code(),
        ownerKey: ownerKeyOf(spec.status === "GATHERING_SPONSORS" ? starterId : workers[n++]!.id, id),
        title: spec.title,
        ask: spec.ask,
        reason: spec.reason,
        targetKind: platformId ? "PLATFORM" : spec.target.union ? "UNION" : "OTHER",
        platformId,
        unionId: spec.target.union ? ctx.unionId : null,
        targetName: spec.target.name ?? null,
        status: spec.status,
        sponsorCount: spec.status === "GATHERING_SPONSORS" ? 2 : 5,
        threshold: spec.threshold ?? 1000,
        createdOn: daysAgo((spec.publishedDaysAgo ?? 3) + 4),
        publishedOn,
        closesOn: publishedOn ? new Date(publishedOn.getTime() + 90 * DAY) : null,
        ...spec.extra,
      },
    });
    const count = Math.min(spec.signatures ?? 0, workers.length);
    if (count === 0) continue;
    const slug = Object.entries(ctx.platformIds).find(([, v]) => v === platformId)?.[0];
    const signers = workers.slice(workers.length - count);
    await db.petitionSignature.createMany({
      data: signers.map((w, i) => ({
        petitionId: id,
        nullifier: nullifier("signature", w.id, id),
        // No seeded signer is verified: each gets a random tag (verifiedSignatureTag).
        withdrawTag: unverifiedSignatureTag(),
        city: w.city,
        platformSlug: slug && w.platformSlugs.includes(slug) ? slug : (w.platformSlugs[0] ?? null),
        sector: w.sectors[0] ?? null,
        signedOn: daysAgo(Math.floor(rand() * (spec.publishedDaysAgo ?? 1))),
        comment: i < COMMENTS.length ? COMMENTS[i] : null,
        commentStatus: i < COMMENTS.length ? (i < 10 ? "APPROVED" : "PENDING") : null,
      })),
    });
    await db.$executeRaw`
      INSERT INTO "PetitionTally" ("petitionId", dimension, value, slot, count)
      SELECT ${id}, d.dimension, d.value, 0, count(*)::int FROM "PetitionSignature" s
      CROSS JOIN LATERAL (VALUES ('total', ''), ('city', coalesce(s.city, '')), ('platform', coalesce(s."platformSlug", '')), ('sector', coalesce(s.sector, ''))) AS d(dimension, value)
      WHERE s."petitionId" = ${id} GROUP BY d.dimension, d.value`;
    const reached = [100, 1000, 10000].filter((m) => count >= m);
    if (reached.length) {
      await db.petitionMilestone.createMany({ data: reached.map((signatures) => ({ petitionId: id, signatures, reachedOn: daysAgo(5) })) });
      await db.petition.update({ where: { id }, data: { milestoneReached: Math.max(...reached) } });
    }
  }
}
