import pg from "pg";
import { addMonths, statsPeriod } from "~/features/reports/months";
import { CITIES } from "~/lib/taxonomy";
import { chinaToday } from "~/lib/days";
import { printFigure } from "./machine";
import { validReport } from "~/test/report-input";

// Synthetic condition reports for the benchmarks, written by SQL on the server
// (generate_series, in batches of BATCH rows).
const BATCH = 100_000;

// Shares of the reports: the biggest platform gets 40% of them.
export const PLATFORMS = [
  { slug: "flasheats", nameZh: "闪电外卖", nameEn: "FlashEats", sector: "FOOD_DELIVERY", slots: [0, 1, 2, 3] },
  { slug: "swiftparcel", nameZh: "速达快递", nameEn: "SwiftParcel", sector: "COURIER", slots: [4, 5, 6] },
  { slug: "ridealong", nameZh: "顺路出行", nameEn: "RideAlong", sector: "RIDE_HAILING", slots: [7, 8] },
  { slug: "starlive", nameZh: "星光直播", nameEn: "StarLive", sector: "LIVE_STREAMING", slots: [9] },
] as const;
// g % 10 picks the platform slot, so the split is exact.
const slotPlatform = Array.from({ length: 10 }, (_, slot) => PLATFORMS.findIndex((p) => (p.slots as readonly number[]).includes(slot)) + 1);

const pick = (values: readonly string[], type: string) => `((ARRAY[${values.map((v) => `'${v}'`).join(",")}])[1 + floor(random() * ${values.length})::int])::"${type}"`;

/** Synthetic reports g = from..to, spread over the 12 counted months and 2 older ones. */
const GENERATE = `
INSERT INTO "Report" (id, nullifier, "platformId", sector, city, month, "filedOn", "updatedOn",
  "hoursPerDay", "daysPerWeek", "restDaysLastMonth", "paidLeave", "monthlyNetIncome", "netPerHour",
  "deductionsCount", "deductionsYuan", deactivated, "appealPossible", contract, "pensionScheme", "pensionLevel",
  "medicalScheme", "medicalLevel", "workInjury", unemployment, maternity, "insurancePayer", accident,
  "compensatedBy", "safetyTraining", "equipmentProvided", "equipmentBought", health,
  "unreachableDeadlines", "unexplainedPayChanges", "unexplainedPenalties", narrative, "narrativeStatus",
  "activeHoursPerWeek", "costVehicle", "costEnergy", "costPhone", "contractParty")
SELECT 'bench-' || g, md5('bench-nullifier-' || g), ($3::text[])[s.p], ($4::text[])[s.p]::"Sector",
  ($5::text[])[1 + floor(random() * 19)::int], s.month, s.month + 20, s.month + 20,
  (14 + floor(random() * 14)) / 2.0, 5 + floor(random() * 3)::int, floor(random() * 5)::int, random() < 0.06,
  s.income, round((s.income / 260.0)::numeric, 1)::float8, floor(random() * 6)::int, floor(random() * 300)::int,
  random() < 0.18, NULL,
  ${pick(["LABOUR_CONTRACT", "COOPERATION_AGREEMENT", "AGENCY", "NONE", "UNKNOWN"], "ContractKind")},
  ${pick(["EMPLOYEE_FLEXIBLE", "EMPLOYEE_EMPLOYER", "RESIDENT", "RESIDENT", "NONE", "UNKNOWN"], "InsuranceScheme")},
  ${pick(["LOWEST", "LOWEST", "HIGHER", "UNKNOWN"], "ContributionLevel")},
  ${pick(["EMPLOYEE_FLEXIBLE", "RESIDENT", "RESIDENT", "NONE", "UNKNOWN"], "InsuranceScheme")},
  ${pick(["LOWEST", "HIGHER", "UNKNOWN"], "ContributionLevel")},
  ${pick(["SOCIAL", "COMMERCIAL_ONLY", "COMMERCIAL_ONLY", "NONE", "UNKNOWN"], "WorkInjuryCover")},
  ${pick(["YES", "NO", "NO", "UNKNOWN"], "Coverage")}, ${pick(["YES", "NO", "NO", "UNKNOWN"], "Coverage")},
  ${pick(["SELF", "SELF", "PLATFORM", "SHARED", "UNKNOWN"], "InsurancePayer")},
  ${pick(["NONE", "NONE", "NONE", "MINOR", "TREATED", "SERIOUS"], "AccidentSeverity")}, NULL, random() < 0.3,
  CASE WHEN random() < 0.4 THEN ARRAY['helmet'] ELSE '{}'::text[] END,
  CASE WHEN random() < 0.5 THEN ARRAY['rain_gear', 'phone_mount'] ELSE ARRAY['cooling'] END,
  CASE WHEN random() < 0.4 THEN ARRAY['stomach'] ELSE '{}'::text[] END || CASE WHEN random() < 0.3 THEN ARRAY['back'] ELSE '{}'::text[] END,
  ${pick(["NEVER", "SOMETIMES", "OFTEN"], "Frequency")}, ${pick(["NEVER", "SOMETIMES", "OFTEN"], "Frequency")},
  ${pick(["NEVER", "SOMETIMES", "OFTEN"], "Frequency")},
  CASE WHEN g % 100 = 0 THEN '系统给的时间根本送不到。' END,
  (CASE WHEN g % 100 = 0 THEN 'APPROVED' ELSE 'NONE' END)::"NarrativeStatus",
  -- The scorecard's questions (issue 16): about one report in five filed before they existed.
  CASE WHEN g % 5 <> 0 THEN 30 + floor(random() * 50) END, CASE WHEN g % 5 <> 0 THEN floor(random() * 600)::int END,
  CASE WHEN g % 5 <> 0 THEN floor(random() * 300)::int END, CASE WHEN g % 5 <> 0 THEN 50 + floor(random() * 100)::int END,
  CASE WHEN g % 5 <> 0 THEN ${pick(["PLATFORM", "SUBCONTRACTOR", "SUBCONTRACTOR", "OUTSOURCING_FIRM", "NONE", "UNKNOWN"], "ContractParty")} END
FROM generate_series($1::int, $2::int) AS g
CROSS JOIN LATERAL (
  SELECT ($7::int[])[1 + g % 10] AS p, ($6::date + make_interval(months => ((g::bigint * 7919) % 14)::int))::date AS month,
         (3000 + floor(random() * 9000))::int AS income
) AS s`;

export async function generateReports(databaseUrl: string, total: number, platformIds: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { from } = statsPeriod(chinaToday());
  const oldest = addMonths(from, -2).toISOString().slice(0, 10);
  const started = performance.now();
  for (let lo = 1; lo <= total; lo += BATCH) {
    const hi = Math.min(total, lo + BATCH - 1);
    await client.query(GENERATE, [lo, hi, platformIds, PLATFORMS.map((p) => p.sector), CITIES, oldest, slotPlatform]);
  }
  await client.query(`ANALYZE "Report"`);
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

/**
 * The benchmark platforms and `total` synthetic reports on them, with the generation time
 * printed. Call after pointAtDatabase and migrate (it imports the app's database client).
 */
export async function seedReports(databaseUrl: string, total: number) {
  const { createPlatform } = await import("~/features/accounts/mutations");
  const platformIds: string[] = [];
  for (const p of PLATFORMS) platformIds.push((await createPlatform({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, sector: p.sector })).id);
  const seconds = await generateReports(databaseUrl, total, platformIds);
  printFigure(`generated ${total.toLocaleString("en")} synthetic reports (SQL), s`, seconds.toFixed(1));
  printFigure("  rows/s", (total / seconds).toFixed(0));
  return platformIds;
}

/** The n-th synthetic report as the report stepper sends it (POST /api/reports) for `month`. */
export function reportBody(i: number, month: string) {
  const platform = PLATFORMS[i % PLATFORMS.length]!;
  const [hoursPerDay, daysPerWeek] = [10 + (i % 5), 6 + (i % 2)];
  return JSON.stringify(
    validReport({
      platformSlug: platform.slug, sector: platform.sector, city: CITIES[i % CITIES.length], month, hoursPerDay, daysPerWeek,
      activeHoursPerWeek: hoursPerDay * daysPerWeek - 5, restDaysLastMonth: 2, monthlyNetIncome: 6000 + (i % 40) * 100, netPerHour: 22,
      deductionsCount: i % 4, deductionsYuan: (i % 4) * 50, narrative: i % 10 === 0 ? `超时扣钱，客服电话 138 1234 ${String(1000 + (i % 9000))}，站长不管。` : null,
    }),
  );
}
