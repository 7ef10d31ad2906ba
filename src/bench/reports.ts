import pg from "pg";
import { buildApp, migrate, pointAtDatabase, startApp, timeRequests, warm } from "./lib/app";
import { measurePageJs, NEXT_FLOOR_KB } from "./lib/bundle";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers } from "./lib/workers";
import { runWrk } from "./lib/wrk";

// Condition reports at scale (issue 3): a generator for synthetic reports written by SQL on the
// server (generate_series, in batches), report submission through the real HTTP API, and the
// statistics of the biggest platform computed over all of them.
// `BENCH_REPORTS=100000 npm run bench -- reports` for a quicker run.
const TOTAL = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const BATCH = 100_000;

const databaseUrl = await freshDatabase("wv_bench_reports");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const { createPlatform } = await import("~/features/accounts/mutations");
const { openMonths, statsPeriod, addMonths, todayInChina } = await import("~/features/reports/months");
const { CITIES } = await import("~/lib/taxonomy");

// Shares of the reports: the biggest platform gets 40% of them.
const PLATFORMS = [
  { slug: "flasheats", nameZh: "闪电外卖", nameEn: "FlashEats", sector: "FOOD_DELIVERY", slots: [0, 1, 2, 3] },
  { slug: "swiftparcel", nameZh: "速达快递", nameEn: "SwiftParcel", sector: "COURIER", slots: [4, 5, 6] },
  { slug: "ridealong", nameZh: "顺路出行", nameEn: "RideAlong", sector: "RIDE_HAILING", slots: [7, 8] },
  { slug: "starlive", nameZh: "星光直播", nameEn: "StarLive", sector: "LIVE_STREAMING", slots: [9] },
] as const;
const platformIds: string[] = [];
for (const p of PLATFORMS) platformIds.push((await createPlatform({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, sector: p.sector })).id);
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
  "unreachableDeadlines", "unexplainedPayChanges", "unexplainedPenalties", narrative, "narrativeStatus")
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
  (CASE WHEN g % 100 = 0 THEN 'APPROVED' ELSE 'NONE' END)::"NarrativeStatus"
FROM generate_series($1::int, $2::int) AS g
CROSS JOIN LATERAL (
  SELECT ($7::int[])[1 + g % 10] AS p, ($6::date + make_interval(months => ((g::bigint * 7919) % 14)::int))::date AS month,
         (3000 + floor(random() * 9000))::int AS income
) AS s`;

async function generateReports(total: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { from } = statsPeriod(todayInChina());
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

console.log(`\nCondition reports benchmark on ${machineLine()}`);
const genSeconds = await generateReports(TOTAL);
printFigure(`generated ${TOTAL.toLocaleString("en")} synthetic reports (SQL), s`, genSeconds.toFixed(1));
printFigure("  rows/s", (TOTAL / genSeconds).toFixed(0));

const workers = await createWorkers(2000);
const month = openMonths(todayInChina())[0]!;
const body = (i: number) =>
  JSON.stringify({
    platformSlug: PLATFORMS[i % PLATFORMS.length]!.slug, sector: PLATFORMS[i % PLATFORMS.length]!.sector, city: CITIES[i % CITIES.length],
    month, hoursPerDay: 10 + (i % 5), daysPerWeek: 6 + (i % 2), restDaysLastMonth: 2, paidLeave: false, monthlyNetIncome: 6000 + (i % 40) * 100,
    netPerHour: 22, deductionsCount: i % 4, deductionsYuan: (i % 4) * 50, deactivated: false, appealPossible: null, contract: "COOPERATION_AGREEMENT",
    pensionScheme: "RESIDENT", pensionLevel: "LOWEST", medicalScheme: "RESIDENT", medicalLevel: "LOWEST", workInjury: "COMMERCIAL_ONLY",
    unemployment: "NO", maternity: "NO", insurancePayer: "SELF", accident: "NONE", compensatedBy: null, safetyTraining: false,
    equipmentProvided: ["helmet"], equipmentBought: ["rain_gear"], health: ["stomach"], unreachableDeadlines: "OFTEN",
    unexplainedPayChanges: "SOMETIMES", unexplainedPenalties: "SOMETIMES",
    narrative: i % 10 === 0 ? `超时扣钱，客服电话 138 1234 ${String(1000 + (i % 9000))}，站长不管。` : null,
  });

// POST /api/reports, as the report stepper sends a new report.
const app = await startApp(databaseUrl, 3311);
try {
  await warm(`${app.url}/api/health`, 20);
  const probe = await fetch(`${app.url}/api/reports`, { method: "POST", headers: { "content-type": "application/json", cookie: workers[0]!.cookie }, body: body(0) });
  if (!probe.ok) throw new Error(`a probe submission answered ${probe.status}: ${await probe.text()}`);

  const requests = workers.map((w, i) => ({ method: "POST" as const, path: "/api/reports", body: body(i), cookie: w.cookie }));
  const submissions = [0, 1, 2].map(() => runWrk(app.url, requests, { seconds: 10, connections: 32 }));
  printFigure("report submission over HTTP, req/s, median of 3", median(submissions.map((r) => r.rps)).toFixed(0), "≥ 300");
  printFigure("  p50 / p99 latency, ms", `${median(submissions.map((r) => r.p50)).toFixed(1)} / ${median(submissions.map((r) => r.p99)).toFixed(1)}`);
  printFigure("  non-2xx answers, errors", `${submissions.reduce((s, r) => s + r.non2xx, 0)}, ${submissions.reduce((s, r) => s + r.errors, 0)}`);

  // Server time of the statistics: the query layer itself (SQL + suppression), in this process
  // against the same database, then the whole page over HTTP as an upper bound.
  const { computePlatformConditions, getPlatformConditions } = await import("~/features/stats/data");
  const biggest = PLATFORMS[0]!.slug;
  const time = async (fn: () => Promise<unknown>, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
    }
    return times;
  };
  const first = await computePlatformConditions(biggest, todayInChina());
  const cold = await time(() => computePlatformConditions(biggest, todayInChina()), 5);
  printFigure(`statistics of ${biggest} (${first.total?.n.toLocaleString("en")} reports), uncached, median ms`, median(cold).toFixed(0), "≤ 300");
  await getPlatformConditions(biggest);
  const warmTimes = await time(() => getPlatformConditions(biggest), 50);
  printFigure("  as served (published figures cached until a counted month changes), median ms", median(warmTimes).toFixed(2), "≤ 300");
  const page = await timeRequests(`${app.url}/platforms/${biggest}/conditions`, 10);
  printFigure("  conditions page over HTTP, median / p95 ms", `${page.median.toFixed(0)} / ${page.p95.toFixed(0)}`);

  console.log("\n  JavaScript a phone downloads per page (gzipped):");
  for (const r of await measurePageJs(app.url, ["/stats", `/platforms/${biggest}/conditions`, "/rights"])) printFigure(`    ${r.path}`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
  for (const r of await measurePageJs(app.url, ["/reports/new", "/reports"], workers[1]!.cookie)) printFigure(`    ${r.path} (signed in)`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
} finally {
  await app.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}
