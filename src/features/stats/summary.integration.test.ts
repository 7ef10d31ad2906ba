import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { deleteReport, moderateNarrative, submitReport, updateReport } from "~/features/reports/mutations";
import { ACCIDENTS, COMPENSATORS, CONTRACT_PARTIES, CONTRACTS, FREQUENCIES, HEALTH, LEVELS, SCHEMES, WORK_INJURY, type ReportInput } from "~/features/reports/schema";
import { computePlatformConditions, sealMonths } from "~/features/stats/data";
import { makePlatform, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";

// The summary behind the statistics must always equal a recount from the reports themselves.
// The recount states the counting rules again, independently of the migration's triggers.
// Each test uses its own months of 2021, which no other test file reads or writes, so that sealing
// happens here, racing these tests' own writes.

const RECOUNT: Record<string, string> = {
  n: `true`,
  noContract: `"contract" <> 'LABOUR_CONTRACT'`,
  noSocialInjury: `"workInjury" <> 'SOCIAL'`,
  residentN: `"pensionScheme" = 'RESIDENT'`,
  residentLowest: `"pensionScheme" = 'RESIDENT' AND "pensionLevel" = 'LOWEST'`,
  over8h: `"hoursPerDay" > 8`,
  over6d: `"daysPerWeek" > 6`,
  accident: `"accident" <> 'NONE'`,
  deactivated: `"deactivated"`,
  pensionEmployeeFlexible: `"pensionScheme" = 'EMPLOYEE_FLEXIBLE'`,
  pensionEmployeeEmployer: `"pensionScheme" = 'EMPLOYEE_EMPLOYER'`,
  pensionResident: `"pensionScheme" = 'RESIDENT'`,
  pensionNone: `"pensionScheme" = 'NONE'`,
  pensionUnknown: `"pensionScheme" = 'UNKNOWN'`,
  healthStomach: `'stomach' = ANY("health")`,
  healthJoints: `'joints' = ANY("health")`,
  healthBack: `'back' = ANY("health")`,
  healthHeatCold: `'heat_cold' = ANY("health")`,
  healthAnxietyDepression: `'anxiety_depression' = ANY("health")`,
  healthOnlineAbuse: `'online_abuse' = ANY("health")`,
  // The scorecard's counters (issue 16, src/features/scorecard/counters.ts), restated.
  scorePayData: `"activeHoursPerWeek" > 0 AND coalesce("costVehicle", "costEnergy", "costPhone", "costEquipment", "costInsurance", "costFees") IS NOT NULL`,
  scorePartyAnswered: `"contractParty" IS NOT NULL`,
  scorePartyIdentified: `"contractParty" NOT IN ('NONE', 'UNKNOWN')`,
  scoreSafetyTraining: `"safetyTraining"`,
  scoreEquipmentProvided: `"equipmentProvided" <> '{}'`,
  scoreAccidentCovered: `"accident" <> 'NONE' AND "compensatedBy" IN ('PLATFORM', 'WORK_INJURY_INSURANCE')`,
  scoreDeactivatedNoAppeal: `"deactivated" AND coalesce("appealPossible", false) = false`,
  scorePenaltiesExplained: `"unexplainedPenalties" = 'NEVER'`,
  scorePayChangesExplained: `"unexplainedPayChanges" = 'NEVER'`,
};
// Net income after the worker's own costs per active hour (4.33 weeks a month), in tenths.
const AFTER_COSTS = `round(("monthlyNetIncome" - coalesce("costVehicle", 0) - coalesce("costEnergy", 0) - coalesce("costPhone", 0) - coalesce("costEquipment", 0) - coalesce("costInsurance", 0) - coalesce("costFees", 0))::numeric / ("activeHoursPerWeek" * 4.33)::numeric * 10)::int`;
const COLUMNS = Object.keys(RECOUNT);
const KEY = `"city", "sector"::text AS "sector", to_char("month", 'YYYY-MM') AS "month"`;

type Rows = Record<string, unknown>[];
const sorted = (rows: Rows) => rows.map((r) => JSON.stringify(r)).sort();

/** Summary and recount of one platform's sealed months, side by side. */
async function compare(platformId: string) {
  const sealed = `"month" IN (SELECT "month" FROM "ReportSummaryMonth")`;
  const [counts, summary, histogram, summaryHistogram] = await Promise.all([
    db.$queryRawUnsafe<Rows>(
      `SELECT ${KEY}, ${COLUMNS.map((c) => `(count(*) FILTER (WHERE ${RECOUNT[c]}))::int AS "${c}"`).join(", ")}
       FROM "Report" WHERE "platformId" = $1 AND ${sealed} GROUP BY 1, 2, 3`,
      platformId,
    ),
    // Rows whose counts all went back to zero are as good as absent.
    db.$queryRawUnsafe<Rows>(
      `SELECT ${KEY}, ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "ReportSummary"
       WHERE "platformId" = $1 AND (${COLUMNS.map((c) => `"${c}" <> 0`).join(" OR ")})`,
      platformId,
    ),
    db.$queryRawUnsafe<Rows>(
      `SELECT ${KEY}, 'HOURS_PER_DAY' AS "measure", ("hoursPerDay" * 10)::int AS "tenths", count(*)::int AS "count"
         FROM "Report" WHERE "platformId" = $1 AND ${sealed} GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT ${KEY}, 'NET_PER_HOUR', (round("netPerHour"::numeric, 1) * 10)::int, count(*)::int
         FROM "Report" WHERE "platformId" = $1 AND ${sealed} GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT ${KEY}, 'NET_AFTER_COSTS_PER_ACTIVE_HOUR', ${AFTER_COSTS}, count(*)::int
         FROM "Report" WHERE "platformId" = $1 AND ${sealed} AND (${RECOUNT.scorePayData}) GROUP BY 1, 2, 3, 4, 5`,
      platformId,
    ),
    db.$queryRawUnsafe<Rows>(
      `SELECT ${KEY}, "measure"::text AS "measure", u."tenths", u."count"
       FROM "ReportHistogram", unnest("tenths", "counts") AS u("tenths", "count") WHERE "platformId" = $1`,
      platformId,
    ),
  ]);
  return { counts: sorted(counts), summary: sorted(summary), histogram: sorted(histogram), summaryHistogram: sorted(summaryHistogram) };
}

async function expectSummaryToMatchRecount(platformId: string) {
  const c = await compare(platformId);
  expect(c.summary).toEqual(c.counts);
  expect(c.summaryHistogram).toEqual(c.histogram);
  return c;
}

/** Reports that differ in every counted field, from a seed. */
function varied(i: number, platformSlug: string, month: string, narrative: string | null = null): ReportInput {
  const pick = <T,>(values: readonly T[], step: number) => values[(i * step + (i >> 3)) % values.length]!;
  const accident = pick(ACCIDENTS, 5);
  return validReport({
    platformSlug,
    month,
    city: pick(["shenzhen", "wuhan", "kunming"], 1),
    sector: pick(["FOOD_DELIVERY", "COURIER"], 3),
    hoursPerDay: 6 + (i % 13) * 0.5,
    daysPerWeek: 4 + (i % 4),
    // Eighths of a yuan, so rounding to 0.1 matters.
    netPerHour: 15 + ((i * 37) % 200) / 8,
    contract: pick(CONTRACTS, 7),
    workInjury: pick(WORK_INJURY, 3),
    pensionScheme: pick(SCHEMES, 2),
    pensionLevel: pick(LEVELS, 5),
    accident,
    compensatedBy: accident === "NONE" ? null : pick(COMPENSATORS, 3),
    deactivated: i % 5 === 0,
    appealPossible: i % 5 === 0 ? i % 10 === 0 : null,
    health: HEALTH.filter((_, bit) => (i >> bit) & 1),
    // Issue 16's fields: some reports skip the costs screen, some costs exceed the income.
    activeHoursPerWeek: 20 + (i % 9) * 7.5,
    costVehicle: i % 4 === 0 ? null : (i * 53) % 900,
    costFees: i % 4 === 1 ? null : i % 7 === 0 ? 9000 : 0,
    costEnergy: i % 4 < 2 ? null : 120,
    costPhone: i % 4 < 2 ? null : 80,
    contractParty: pick(CONTRACT_PARTIES, 3),
    safetyTraining: i % 3 === 0,
    equipmentProvided: i % 2 === 0 ? [] : ["helmet"],
    unexplainedPenalties: pick(FREQUENCIES, 5),
    unexplainedPayChanges: pick(FREQUENCIES, 7),
    narrative,
  });
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
type Filed = { accountId: string; id: string; i: number };

async function file(slug: string, month: string, today: Date, seeds: number[], narrative: string | null = null): Promise<Filed[]> {
  return Promise.all(
    seeds.map(async (i) => {
      const accountId = `acct-${uid()}`;
      const { id } = await submitReport({ accountId, input: varied(i, slug, month, narrative), today });
      return { accountId, id, i };
    }),
  );
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

describe("the statistics summary", () => {
  it("leaves open months out until a statistic seals them, then counts them exactly", async () => {
    const platform = await makePlatform();
    await file(platform.slug, "2021-03", day("2021-03-20"), range(0, 12));
    expect(await db.$queryRawUnsafe<Rows>(`SELECT 1 FROM "ReportSummary" WHERE "platformId" = $1`, platform.id)).toEqual([]);

    await sealMonths("2021-03-01", "2021-03-01");
    const c = await expectSummaryToMatchRecount(platform.id);
    expect(c.counts.length).toBeGreaterThan(3);
    // Sealing twice changes nothing.
    expect(await sealMonths("2021-03-01", "2021-03-01")).toBe(0);
    await expectSummaryToMatchRecount(platform.id);
  });

  it("follows inserts, edits, deletions and moderation of a sealed month", async () => {
    const platform = await makePlatform();
    const today = day("2021-05-20");
    const filed = await file(platform.slug, "2021-05", today, range(0, 20), "站长不管");
    await sealMonths("2021-05-01", "2021-05-01");
    await expectSummaryToMatchRecount(platform.id);

    await file(platform.slug, "2021-05", today, range(100, 6));
    for (const f of filed.slice(0, 5)) {
      await updateReport({ accountId: f.accountId, id: f.id, input: varied(f.i + 51, platform.slug, "2021-05"), today });
    }
    // An edit that changes no counted field, and a resubmission of the same report.
    await updateReport({ accountId: filed[5]!.accountId, id: filed[5]!.id, input: { ...varied(filed[5]!.i, platform.slug, "2021-05", "站长不管"), restDaysLastMonth: 4 }, today });
    await submitReport({ accountId: filed[6]!.accountId, input: varied(filed[6]!.i + 7, platform.slug, "2021-05"), today });
    for (const f of filed.slice(7, 11)) await deleteReport({ accountId: f.accountId, id: f.id });
    const unionId = await moderatingUnionOf(platform);
    for (const f of filed.slice(11, 14)) await moderateNarrative({ unionId, id: f.id, decision: "APPROVED" });
    await expectSummaryToMatchRecount(platform.id);

    // Published figures, once the quarter (2021-Q2) is sealed, are those of the shown cells
    // (city x sector of 5 or more): n exact, medians equal to percentile_disc over their reports.
    // Six more reports in one cell, so at least one cell is shown.
    const oneCell = range(300, 200).filter((i) => (i + (i >> 3)) % 3 === 0 && (i * 3 + (i >> 3)) % 2 === 0).slice(0, 6);
    await file(platform.slug, "2021-05", today, oneCell);
    const stats = await computePlatformConditions(platform.slug, day("2021-08-20"));
    const [direct] = await db.$queryRawUnsafe<{ n: number; hours: number; hourly: number }[]>(
      `WITH shown AS (SELECT "city", "sector" FROM "Report" WHERE "platformId" = $1 GROUP BY 1, 2 HAVING count(*) >= 5)
       SELECT count(*)::int AS "n", percentile_disc(0.5) WITHIN GROUP (ORDER BY "hoursPerDay") AS "hours",
              percentile_disc(0.5) WITHIN GROUP (ORDER BY round("netPerHour"::numeric, 1))::float8 AS "hourly"
       FROM "Report" r JOIN shown USING ("city", "sector") WHERE r."platformId" = $1`,
      platform.id,
    );
    expect(direct!.n).toBeGreaterThanOrEqual(5);
    expect(stats.total?.n).toBe(direct!.n);
    expect(stats.total).toMatchObject({ medianHours: direct!.hours, medianHourly: direct!.hourly });
  });

  it("stays exact when writes race each other and the sealing of their month", async () => {
    const platform = await makePlatform();
    const today = day("2021-07-20");
    const seal = () => sealMonths("2021-07-01", "2021-07-01").then(() => null);
    // Submissions and sealing started together: some commit before the count, some after.
    const first = await Promise.all([
      file(platform.slug, "2021-07", today, range(0, 15), "高温没有补贴"),
      seal(),
      file(platform.slug, "2021-07", today, range(15, 15)),
      seal(),
      file(platform.slug, "2021-07", today, range(30, 10)),
    ]);
    const filed = first.flatMap((f) => f ?? []);
    expect(filed).toHaveLength(40);
    await seal();
    await expectSummaryToMatchRecount(platform.id);

    // Then edits, deletions, new reports, resubmissions and moderation, all at once.
    const narrativeUnion = await moderatingUnionOf(platform);
    await Promise.all([
      ...filed.slice(0, 10).map((f) => updateReport({ accountId: f.accountId, id: f.id, input: varied(f.i + 3, platform.slug, "2021-07"), today })),
      ...filed.slice(15, 25).map((f) => deleteReport({ accountId: f.accountId, id: f.id })),
      ...filed.slice(25, 30).map((f) => submitReport({ accountId: f.accountId, input: varied(f.i + 9, platform.slug, "2021-07"), today })),
      ...filed.slice(10, 15).map((f) => moderateNarrative({ unionId: narrativeUnion, id: f.id, decision: "REJECTED" })),
      file(platform.slug, "2021-07", today, range(200, 10)),
    ]);
    const c = await expectSummaryToMatchRecount(platform.id);
    const n = c.counts.reduce((s, row) => s + (JSON.parse(row) as { n: number }).n, 0);
    expect(n).toBe(40);
  });

  // The two orders the per-month lock decides, forced with transactions held open. Without the
  // lock the report written in the open transaction would be missing from the summary.
  it("counts a report whose transaction is still open when its month is sealed", async () => {
    const platform = await makePlatform();
    const [template] = await file(platform.slug, "2021-09", day("2021-09-20"), [1]);
    const row = await db.report.findUniqueOrThrow({ where: { id: template!.id } });
    let sealing: Promise<number> | undefined;
    await db.$transaction(async (tx) => {
      await tx.report.create({ data: { ...row, id: `r-${uid()}`, nullifier: `n-${uid()}`, health: ["joints"], hoursPerDay: 13 } });
      sealing = sealMonths("2021-09-01", "2021-09-01");
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await sealing).toBe(1);
    await expectSummaryToMatchRecount(platform.id);
  });

  it("makes a report written while its month is being sealed add itself", async () => {
    const platform = await makePlatform();
    const today = day("2021-11-20");
    await file(platform.slug, "2021-11", today, [1, 2]);
    let writing: Promise<Filed[]> | undefined;
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT wv_summary_seal('2021-11-01'::date, '2021-11-01'::date)`;
      writing = file(platform.slug, "2021-11", today, [3]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await writing;
    const c = await expectSummaryToMatchRecount(platform.id);
    expect(c.counts.reduce((s, row) => s + (JSON.parse(row) as { n: number }).n, 0)).toBe(3);
  });
  it("lets writers in REPEATABLE READ count themselves, and recounts their months when sealing", async () => {
    const platform = await makePlatform();
    const [template] = await file(platform.slug, "2021-12", day("2021-12-20"), [1]);
    const row = await db.report.findUniqueOrThrow({ where: { id: template!.id } });
    const repeatableRead = <T,>(work: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        return work(tx);
      });
    // Its snapshot could predate a seal it cannot see, so it adds itself to any month.
    await repeatableRead((tx) => tx.report.create({ data: { ...row, id: `r-${uid()}`, nullifier: `n-${uid()}`, hoursPerDay: 13 } }));
    const before = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT "n" FROM "ReportSummary" WHERE "platformId" = $1`, platform.id);
    expect(before).toEqual([{ n: 1 }]);
    // Sealing counts from a fresh snapshot only, and replaces what such writers left.
    await expect(repeatableRead((tx) => tx.$queryRaw`SELECT wv_summary_seal('2021-12-01'::date, '2021-12-01'::date)`)).rejects.toThrow();
    expect(await sealMonths("2021-12-01", "2021-12-01")).toBe(1);
    const c = await expectSummaryToMatchRecount(platform.id);
    expect(c.counts.reduce((s, r) => s + (JSON.parse(r) as { n: number }).n, 0)).toBe(2);
  });
});
