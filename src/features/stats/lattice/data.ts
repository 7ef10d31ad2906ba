import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { addMonths } from "~/features/reports/months";
import { publishableCell, roundedCounts, roundHistogram, type CellCounts } from "~/features/stats/lattice/cell";
import { PAY_MEASURE, SCORECARD_COUNTER_KEYS, type ScorecardCounter } from "~/features/scorecard/counters";
import { isVerifiedReport } from "~/features/reports/verified-tag";
import { COUNT_KEYS, SUMMARY_COLUMN } from "~/features/stats/publish";
import { isSealed, quarterOf, quarterStart, type QuarterKey } from "~/features/stats/lattice/quarters";
import { K_QUOTES, shuffle } from "~/features/stats/k-anonymity";
import { chinaToday } from "~/lib/days";

// The fixed lattice (CONTRIBUTING.md "Statistics from a fixed lattice"): every condition
// statistic, on every outlet, is a sum of the cells readSealedCells returns, and nothing else.
// A cell is platform x city x sector x calendar quarter; a platform's quarter is sealed once
// (sealQuarters: by the scheduler when due, and on read when missing), and then it is frozen:
// deleting a report later removes the row but moves no sealed figure.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const SUMS = Prisma.raw([...COUNT_KEYS.map((k) => `sum("${SUMMARY_COLUMN[k]}")::int AS "${k}"`), ...SCORECARD_COUNTER_KEYS.map((k) => `sum("${k}")::int AS "${k}"`)].join(", "));
// Second advisory-lock class, next to wv_summary_lock_class(): "sealed quarter".
const LOCK_CLASS = 1381192014;

type Summed = CellCounts & Record<ScorecardCounter, number> & { platformId: string; city: string; sector: string };
const cellKey = (r: { platformId: string; city: string; sector: string }) => `${r.platformId}\u0000${r.city}\u0000${r.sector}`;

/**
 * Seals the given quarters for the given platforms (all platforms when omitted): copies each
 * cell of 5 or more reports into SealedCell through publishableCell, and marks the platform's
 * quarter sealed. Quarters not yet due are skipped. Idempotent and safe to run concurrently:
 * one advisory lock per quarter, and a (platform, quarter) already sealed is never rewritten.
 * Returns how many (platform, quarter) pairs it sealed.
 */
export async function sealQuarters(quarters: readonly string[], platformIds?: readonly string[], today = chinaToday(), random: () => number = Math.random): Promise<number> {
  let sealed = 0;
  for (const q of quarters.filter((q) => isSealed(q, today))) {
    const first = quarterStart(q);
    const last = addMonths(first, 2);
    const wanted = platformIds ? [...platformIds] : (await db.platform.findMany({ select: { id: true } })).map((p) => p.id);
    const done = new Set((await db.sealedQuarter.findMany({ where: { quarter: first, platformId: { in: wanted } }, select: { platformId: true } })).map((r) => r.platformId));
    if (wanted.every((id) => done.has(id))) continue;
    // The month summary (exact, kept by triggers) is what a quarter is sealed from.
    await db.$queryRaw`SELECT wv_summary_seal(${iso(first)}::date, ${iso(last)}::date)`;
    sealed += await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${first.getUTCFullYear() * 4 + first.getUTCMonth() / 3}::int)) l`;
      const fresh = new Set((await tx.sealedQuarter.findMany({ where: { quarter: first, platformId: { in: wanted } }, select: { platformId: true } })).map((r) => r.platformId));
      const todo = wanted.filter((id) => !fresh.has(id));
      if (todo.length === 0) return 0;
      const rows = await tx.$queryRaw<Summed[]>`
        SELECT "platformId", "city", "sector"::text AS "sector", ${SUMS} FROM "ReportSummary"
        WHERE "month" BETWEEN ${iso(first)}::date AND ${iso(last)}::date AND "platformId" IN (${Prisma.join(todo)})
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
      const [verified, pay] = await Promise.all([verifiedCounts(tx, first, last, todo), payHistograms(tx, first, last, todo)]);
      const histograms: Prisma.SealedHistogramCreateManyInput[] = [];
      const cells = rows.flatMap((r) => {
        const cell = publishableCell(r, random);
        if (!cell) return [];
        const columns = Object.fromEntries(COUNT_KEYS.map((k) => [SUMMARY_COLUMN[k], cell[k]]));
        const counters = Object.fromEntries(SCORECARD_COUNTER_KEYS.filter((k) => k !== "scorePayData").map((k) => [k, r[k]])) as Record<ScorecardCounter, number>;
        const key = cellKey(r);
        // The scorecard's pay is tested against a wage, so its histogram is rounded as counts
        // at or above each value (roundHistogram); its rounded total is the cell's pay data.
        const bins = roundHistogram(pay.get(key) ?? { tenths: [], counts: [] }, r.n, random);
        if (bins.counts.length) histograms.push({ platformId: r.platformId, city: r.city, sector: r.sector as never, quarter: first, measure: PAY_MEASURE, ...bins });
        const scored = { ...roundedCounts({ ...counters, verified: verified.get(key) ?? 0 }, r.n, random), scorePayData: bins.counts.reduce((a, b) => a + b, 0) };
        return [{ platformId: r.platformId, city: r.city, sector: r.sector as never, quarter: first, ...columns, ...scored } as unknown as Prisma.SealedCellCreateManyInput];
      });
      if (cells.length) await tx.sealedCell.createMany({ data: cells });
      if (histograms.length) await tx.sealedHistogram.createMany({ data: histograms });
      // Medians' histograms, summed over the quarter's months, of the shown cells only.
      await tx.$executeRaw`
        INSERT INTO "SealedHistogram" ("platformId", "city", "sector", "quarter", "measure", "tenths", "counts")
        SELECT m."platformId", m."city", m."sector", ${iso(first)}::date, m."measure", array_agg(m.t ORDER BY m.t), array_agg(m.c ORDER BY m.t)
        FROM (
          SELECT h."platformId", h."city", h."sector", h."measure", u.t, sum(u.c)::int AS c
          FROM "ReportHistogram" h CROSS JOIN LATERAL unnest(h."tenths", h."counts") AS u(t, c)
          WHERE h."month" BETWEEN ${iso(first)}::date AND ${iso(last)}::date AND h."platformId" IN (${Prisma.join(todo)})
            AND h."measure" <> ${PAY_MEASURE}::"SummaryMeasure"
            AND EXISTS (SELECT 1 FROM "SealedCell" s WHERE s."platformId" = h."platformId" AND s."city" = h."city"
                        AND s."sector" = h."sector" AND s."quarter" = ${iso(first)}::date)
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(u.c) <> 0
        ) m
        GROUP BY 1, 2, 3, 4, 5`;
      await tx.sealedQuarter.createMany({ data: todo.map((platformId) => ({ platformId, quarter: first })) });
      return todo.length;
    });
  }
  return sealed;
}

type Tx = Prisma.TransactionClient;

/**
 * Reports by authors verified in person, per cell of a quarter being sealed. The only read of
 * "Report" rows in sealing: the tag is told apart with the server's key (verified-tag.ts), which
 * SQL never sees, so these rows are compared here, once per quarter, never at a page's read.
 */
async function verifiedCounts(tx: Tx, first: Date, last: Date, platformIds: string[]) {
  const rows = await tx.$queryRaw<{ platformId: string; city: string; sector: string; nullifier: string; verifiedTag: string }[]>`
    SELECT "platformId", "city", "sector"::text AS "sector", "nullifier", "verifiedTag" FROM "Report"
    WHERE "month" BETWEEN ${iso(first)}::date AND ${iso(last)}::date AND "platformId" IN (${Prisma.join(platformIds)}) AND "verifiedTag" IS NOT NULL`;
  const counts = new Map<string, number>();
  for (const r of rows) if (isVerifiedReport(r.nullifier, r.verifiedTag)) counts.set(cellKey(r), (counts.get(cellKey(r)) ?? 0) + 1);
  return counts;
}

/** The exact pay histograms of a quarter's cells, summed over its months, to be rounded before they are stored. */
async function payHistograms(tx: Tx, first: Date, last: Date, platformIds: string[]) {
  const rows = await tx.$queryRaw<{ platformId: string; city: string; sector: string; tenths: number[]; counts: number[] }[]>`
    SELECT m."platformId", m."city", m."sector", array_agg(m.t ORDER BY m.t) AS "tenths", array_agg(m.c ORDER BY m.t) AS "counts"
    FROM (
      SELECT h."platformId", h."city", h."sector"::text AS "sector", u.t, sum(u.c)::int AS c
      FROM "ReportHistogram" h CROSS JOIN LATERAL unnest(h."tenths", h."counts") AS u(t, c)
      WHERE h."month" BETWEEN ${iso(first)}::date AND ${iso(last)}::date AND h."platformId" IN (${Prisma.join(platformIds)})
        AND h."measure" = ${PAY_MEASURE}::"SummaryMeasure"
      GROUP BY 1, 2, 3, 4 HAVING sum(u.c) > 0
    ) m
    GROUP BY 1, 2, 3`;
  return new Map(rows.map((r) => [cellKey(r), { tenths: r.tenths.map(Number), counts: r.counts.map(Number) }]));
}

/** What readSealedCells selects: whole quarters and, optionally, platforms, cities and sectors (empty or absent = all). */
export type LatticeScope = { quarters: readonly string[]; platformIds?: readonly string[]; cities?: readonly string[]; sectors?: readonly string[] };

/** One shown cell: n >= 5 exact, every other count 0 or at least 5 (see publishableCell). */
export type SealedCell = CellCounts & { platformId: string; city: string; sector: string; quarter: QuarterKey };

export function latticeWhere(scope: LatticeScope, alias = "") {
  const col = (c: string) => Prisma.raw(`${alias ? `${alias}.` : ""}"${c}"`);
  const parts = [Prisma.sql`${col("quarter")} = ANY(${scope.quarters.map((q) => iso(quarterStart(q)))}::date[])`];
  if (scope.platformIds?.length) parts.push(Prisma.sql`${col("platformId")} = ANY(${[...scope.platformIds]}::text[])`);
  if (scope.cities?.length) parts.push(Prisma.sql`${col("city")} = ANY(${[...scope.cities]}::text[])`);
  if (scope.sectors?.length) parts.push(Prisma.sql`${col("sector")}::text = ANY(${[...scope.sectors]}::text[])`);
  return Prisma.join(parts, " AND ");
}

/** Seals whatever the scope needs and is due but not sealed yet (on read when the job has not run). */
export async function ensureSealed(scope: LatticeScope, today = chinaToday()) {
  if (scope.quarters.length) await sealQuarters(scope.quarters, scope.platformIds?.length ? scope.platformIds : undefined, today);
}

/**
 * THE read of condition statistics (issue 12): the shown, frozen cells of a scope, one row per
 * platform x city x sector x quarter. Quarters that are not sealed on `today` give no cells;
 * hidden cells (under 5 reports) do not exist here. Every published condition figure must be
 * a sum of these rows (data.ts sums them in SQL with the same `latticeWhere`); a new outlet
 * (say the platform scorecard) reads this or summaryRows, never "Report".
 */
export async function readSealedCells(scope: LatticeScope, today = chinaToday()): Promise<SealedCell[]> {
  const quarters = scope.quarters.filter((q) => isSealed(q, today));
  if (quarters.length === 0) return [];
  const s = { ...scope, quarters };
  await ensureSealed(s, today);
  const select = Prisma.raw(COUNT_KEYS.map((k) => `"${SUMMARY_COLUMN[k]}" AS "${k}"`).join(", "));
  const rows = await db.$queryRaw<(CellCounts & { platformId: string; city: string; sector: string; quarter: Date })[]>`
    SELECT "platformId", "city", "sector"::text AS "sector", "quarter", ${select} FROM "SealedCell" WHERE ${latticeWhere(s)}
    ORDER BY "quarter", "platformId", "city", "sector"`;
  return rows.map((r) => ({ ...r, quarter: quarterOf(r.quarter) }));
}

// Quotes are cell-based like every other figure (issue 12, CONTRIBUTING.md "Statistics from a
// fixed lattice"): a quote is shown only from a sealed cell (platform x city x sector x
// quarter) that holds at least K_QUOTES reports, and dated only to its quarter. A scope is a
// union of whole cells, so the quotes of {big city + small city} minus those of {big city} are
// the quotes of the small city's own cells of 10 or more: nothing about a smaller group.

export type CellQuote = { text: string; quarter: QuarterKey };

export async function quotesFromCells(scope: LatticeScope, today = chinaToday(), limit = 10): Promise<CellQuote[]> {
  const quarters = scope.quarters.filter((q) => isSealed(q, today));
  if (quarters.length === 0) return [];
  const s = { ...scope, quarters };
  await ensureSealed(s, today);
  const rows = await db.$queryRaw<{ text: string; quarter: Date }[]>`
    SELECT r."narrative" AS "text", c."quarter" FROM "SealedCell" c
    JOIN "Report" r ON r."platformId" = c."platformId" AND r."city" = c."city" AND r."sector" = c."sector"
      AND r."month" >= c."quarter" AND r."month" < c."quarter" + interval '3 months'
    WHERE ${latticeWhere(s, "c")} AND c."n" >= ${K_QUOTES}
      AND r."narrativeStatus" = 'APPROVED' AND r."narrative" IS NOT NULL
    ORDER BY random() LIMIT ${limit}`;
  return shuffle(rows).map((r) => ({ text: r.text, quarter: quarterOf(r.quarter) }));
}
