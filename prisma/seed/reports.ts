import { randomBytes } from "node:crypto";
import { db } from "~/server/db";
import { addMonths } from "~/features/reports/months";
import { lastSealedQuarters, quarterStart } from "~/features/stats/lattice/quarters";
import { chinaToday } from "~/lib/days";
import { EQUIPMENT, HEALTH } from "~/features/reports/schema";
import type { Prisma } from "~/server/db/generated/client";
import { PLATFORMS, seededRandom, type SeedContext } from "./base";

// Demo condition reports for the closed months the statistics count. The crowd's nullifiers
// are random: these reports belong to nobody who can sign in.

type Rand = () => number;
const pick = <T,>(rand: Rand, items: readonly (readonly [T, number])[]): T => {
  let r = rand() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0]![0];
};
const between = (rand: Rand, lo: number, hi: number) => lo + rand() * (hi - lo);
const some = <T,>(rand: Rand, items: readonly T[], p: number) => items.filter(() => rand() < p);

const NARRATIVES = [
  "系统给的时间根本送不到，超时一次扣 5 块，一天白干一小时。",
  "下雨天单价不涨，摔了一跤只能自己去医院，保险说不在理赔范围。",
  "账号被封了三天，客服只说系统判定，没有任何解释，也没法申诉。",
  "夏天没有高温补贴，防暑的东西都是自己买的。",
  "I work 12 hours a day and still can't afford the employee pension; I pay the lowest resident level.",
  "站点要求每天早上开会，不算工时。想交职工社保，但一个月一千多交不起。",
  "直播间里天天被骂，平台不管，晚上睡不着。",
  "Penalties appear in the app with no reason given. When I asked, the station manager said the algorithm decides.",
  "快递件量翻倍了，派费却降了，每天干到晚上十点。",
  "签的是合作协议，出了事故平台说我们不是员工。",
];

type Platform = (typeof PLATFORMS)[number];
const PROFILE: Record<Platform["sector"], { hours: [number, number]; income: [number, number]; health: readonly (typeof HEALTH)[number][] }> = {
  FOOD_DELIVERY: { hours: [9, 13], income: [5000, 9500], health: ["stomach", "joints", "heat_cold", "back"] },
  COURIER: { hours: [10, 13], income: [6000, 9500], health: ["back", "joints", "stomach"] },
  RIDE_HAILING: { hours: [10, 14], income: [6000, 11000], health: ["back", "stomach", "anxiety_depression"] },
  LIVE_STREAMING: { hours: [6, 12], income: [2500, 15000], health: ["anxiety_depression", "online_abuse", "stomach"] },
};

export function syntheticReport(rand: Rand, platform: Platform & { id: string }, city: string, month: Date): Prisma.ReportCreateManyInput {
  const prof = PROFILE[platform.sector];
  const hoursPerDay = Math.round(between(rand, ...prof.hours) * 2) / 2;
  const daysPerWeek = rand() < 0.55 ? 7 : 6;
  const monthlyNetIncome = Math.round(between(rand, ...prof.income) / 100) * 100;
  const pensionScheme = pick(rand, [["RESIDENT", 45], ["NONE", 28], ["EMPLOYEE_FLEXIBLE", 7], ["EMPLOYEE_EMPLOYER", 3], ["UNKNOWN", 17]] as const);
  const accident = pick(rand, [["NONE", 60], ["MINOR", 25], ["TREATED", 12], ["SERIOUS", 3]] as const);
  const deactivated = rand() < 0.18;
  const narrative = rand() < 0.3 ? NARRATIVES[Math.floor(rand() * NARRATIVES.length)]! : null;
  const day = new Date(addMonths(month, 1).getTime() - 86_400_000 * Math.floor(1 + rand() * 5));
  return {
    nullifier: randomBytes(32).toString("base64url"),
    platformId: platform.id,
    sector: platform.sector,
    city,
    month,
    filedOn: day,
    updatedOn: day,
    hoursPerDay,
    daysPerWeek,
    restDaysLastMonth: daysPerWeek === 7 ? Math.floor(rand() * 2) : Math.floor(2 + rand() * 3),
    paidLeave: rand() < 0.06,
    monthlyNetIncome,
    netPerHour: Math.round((monthlyNetIncome / (hoursPerDay * daysPerWeek * 4.33)) * 10) / 10,
    deductionsCount: Math.floor(rand() * rand() * 10),
    deductionsYuan: Math.floor(rand() * rand() * 400),
    deactivated,
    appealPossible: deactivated ? rand() < 0.3 : null,
    contract: pick(rand, [["COOPERATION_AGREEMENT", 48], ["AGENCY", 20], ["NONE", 10], ["UNKNOWN", 12], ["LABOUR_CONTRACT", 10]] as const),
    pensionScheme,
    pensionLevel: pensionScheme === "NONE" || pensionScheme === "UNKNOWN" ? "UNKNOWN" : rand() < 0.66 ? "LOWEST" : "HIGHER",
    medicalScheme: pick(rand, [["RESIDENT", 60], ["NONE", 15], ["EMPLOYEE_FLEXIBLE", 8], ["EMPLOYEE_EMPLOYER", 4], ["UNKNOWN", 13]] as const),
    medicalLevel: rand() < 0.6 ? "LOWEST" : "UNKNOWN",
    workInjury: pick(rand, [["COMMERCIAL_ONLY", 55], ["NONE", 18], ["UNKNOWN", 17], ["SOCIAL", 10]] as const),
    unemployment: pick(rand, [["NO", 70], ["UNKNOWN", 22], ["YES", 8]] as const),
    maternity: pick(rand, [["NO", 65], ["UNKNOWN", 27], ["YES", 8]] as const),
    insurancePayer: pick(rand, [["SELF", 70], ["SHARED", 12], ["PLATFORM", 8], ["UNKNOWN", 10]] as const),
    accident,
    compensatedBy: accident === "NONE" ? null : pick(rand, [["SELF", 50], ["COMMERCIAL_INSURANCE", 30], ["PLATFORM", 10], ["NOBODY", 8], ["WORK_INJURY_INSURANCE", 2]] as const),
    safetyTraining: rand() < 0.3,
    equipmentProvided: some(rand, ["helmet", "phone_mount"] as const, 0.4),
    equipmentBought: some(rand, EQUIPMENT, 0.35),
    health: some(rand, prof.health, 0.4),
    unreachableDeadlines: pick(rand, [["OFTEN", 40], ["SOMETIMES", 40], ["NEVER", 20]] as const),
    unexplainedPayChanges: pick(rand, [["OFTEN", 25], ["SOMETIMES", 45], ["NEVER", 30]] as const),
    unexplainedPenalties: pick(rand, [["OFTEN", 30], ["SOMETIMES", 45], ["NEVER", 25]] as const),
    narrative,
    narrativeStatus: narrative ? pick(rand, [["APPROVED", 60], ["PENDING", 30], ["REJECTED", 10]] as const) : "NONE",
  };
}

// FlashEats has a fixed city mix so the demo (and the e2e test) shows suppression at work:
// Kunming's 4 reports are hidden, Qingdao's 5 are shown, Xi'an's 2 are hidden too.
const FLASHEATS_CITIES: [string, number][] = [
  ["shenzhen", 40], ["guangzhou", 30], ["shanghai", 25], ["beijing", 20], ["chengdu", 15], ["hangzhou", 9], ["qingdao", 5], ["kunming", 4], ["xian", 2],
];
const OTHER_COUNTS: Record<string, number> = { swiftparcel: 110, ridealong: 80, starlive: 30 };
const MAIN_CITIES = ["beijing", "shanghai", "guangzhou", "shenzhen", "chengdu", "wuhan"];

export async function seedReports(ctx: SeedContext) {
  const rand = seededRandom(7);
  // Statistics count only sealed cells (platform x city x sector x quarter) of 5 or more, so each
  // platform's city lands in one of the last four sealed quarters: FlashEats' small cities
  // (kunming 4, xian 2) stay hidden, the rest show.
  const quarters = lastSealedQuarters(chinaToday()).map(quarterStart);
  const month = (city: string) => addMonths(quarters[[...city].reduce((h, c) => h + c.charCodeAt(0), 0) % quarters.length]!, Math.floor(rand() * 3));
  const rows: Prisma.ReportCreateManyInput[] = [];
  for (const platform of PLATFORMS) {
    const withId = { ...platform, id: ctx.platformIds[platform.slug] };
    if (platform.slug === "flasheats") {
      for (const [city, n] of FLASHEATS_CITIES) for (let i = 0; i < n; i++) rows.push(syntheticReport(rand, withId, city, month(city)));
    } else {
      for (let i = 0; i < OTHER_COUNTS[platform.slug]!; i++) {
        const city = MAIN_CITIES[Math.floor(rand() * MAIN_CITIES.length)]!;
        rows.push(syntheticReport(rand, withId, city, month(city)));
      }
    }
  }
  await db.report.createMany({ data: rows });
  return rows.length;
}
