import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { listWages } from "~/features/wages/data";
import { PAY_MEASURE, SCORECARD_COUNTER_KEYS } from "~/features/scorecard/counters";
import { PETITION_ANSWER_DAYS } from "~/features/scorecard/method";
import { buildScorecard, type PlatformInfo, type ScoredCell } from "~/features/scorecard/build";
import type { PortalRecord } from "~/features/scorecard/totals";
import type { LeagueRow, PlatformScorecard } from "~/features/scorecard/types";
import { ensureSealed, latticeWhere } from "~/features/stats/lattice/data";
import { addQuarters, lastSealedQuarter, lastSealedQuarters, quarterOf, quarterStart, STATS_QUARTERS, type QuarterKey } from "~/features/stats/lattice/quarters";
import { PUBLISHED_SQL } from "~/features/records/data";
import { chinaToday, parseDay } from "~/lib/days";

// The scorecard's reads (issue 16). Every workers' figure is a sum of sealed lattice cells
// (SealedCell, SealedHistogram: CONTRIBUTING.md "Statistics from a fixed lattice"), so a score
// changes when a quarter is sealed, never when one worker files; the representation principle
// reads the platform's portal record (submissions, petitions, released verdicts).

/** How many sealed quarters the history chart goes back (three years). */
export const HISTORY_QUARTERS = 12;

const dayOf = (today?: string) => (today ? (parseDay(today) ?? chinaToday()) : chinaToday());
const iso = (d: Date) => d.toISOString().slice(0, 10);

type CellRow = Record<"n" | "noContract" | "noSocialInjury" | "accident" | "verified" | (typeof SCORECARD_COUNTER_KEYS)[number], number> & {
  platformId: string;
  city: string;
  sector: string;
  quarter: Date;
  tenths: number[] | null;
  counts: number[] | null;
};

const COUNTERS = Prisma.raw(["n", "noContract", "noSocialInjury", "accident", "verified", ...SCORECARD_COUNTER_KEYS].map((k) => `c."${k}"`).join(", "));

/** The scored cells (sealed with the scorecard's counters) of some platforms and quarters, with their rounded pay histograms. */
async function scoredCells(quarters: readonly QuarterKey[], platformIds?: readonly string[]): Promise<ScoredCell[]> {
  const rows = await db.$queryRaw<CellRow[]>`
    SELECT c."platformId", c."city", c."sector"::text AS "sector", c."quarter", ${COUNTERS}, h."tenths", h."counts"
    FROM "SealedCell" c
    LEFT JOIN "SealedHistogram" h ON h."platformId" = c."platformId" AND h."quarter" = c."quarter" AND h."city" = c."city"
      AND h."sector" = c."sector" AND h."measure" = ${PAY_MEASURE}::"SummaryMeasure"
    WHERE ${latticeWhere({ quarters, platformIds }, "c")} AND c."scorePayData" IS NOT NULL
    ORDER BY c."quarter", c."platformId", c."city", c."sector"`;
  return rows.map(({ platformId, city, sector, quarter, tenths, counts, verified, ...columns }) => ({
    platformId,
    city,
    sector,
    quarter: quarterOf(quarter),
    verified: Number(verified),
    counts: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Number(v)])) as ScoredCell["counts"],
    payHistogram: { tenths: (tenths ?? []).map(Number), counts: (counts ?? []).map(Number) },
  }));
}

type PortalRow = { platformId: string; quarter: Date } & PortalRecord;

/**
 * Each platform's portal record per quarter: a submission addressed to it counts in the quarter
 * its response clock ends (answered in time: first answer by then), a petition to it that
 * reached its threshold in the quarter PETITION_ANSWER_DAYS later, a commitment's released
 * verdicts in the quarter it was due. Sealed quarters are past, so every clock in them has run out.
 */
async function portalRecords(quarters: readonly QuarterKey[], platformIds?: readonly string[]): Promise<Map<string, Map<string, PortalRecord>>> {
  const starts = quarters.map((q) => iso(quarterStart(q)));
  const only = (col: string) => (platformIds?.length ? Prisma.sql`AND ${Prisma.raw(col)} = ANY(${[...platformIds]}::text[])` : Prisma.empty);
  const rows = await db.$queryRaw<PortalRow[]>`
    WITH items AS (
      SELECT sp."platformId", s."respondBy" AS "clock", 1 AS addressed, (sp."firstAnsweredOn" <= s."respondBy")::int AS "answeredInTime", 0 AS verdicts, 0 AS "verdictsDone"
      FROM "SubmissionParty" sp JOIN "Submission" s ON s.id = sp."submissionId"
      WHERE sp.kind = 'PLATFORM' AND ${PUBLISHED_SQL} ${only(`sp."platformId"`)}
      UNION ALL
      SELECT p."platformId", p."thresholdReachedOn" + ${PETITION_ANSWER_DAYS}::int, 1, coalesce(p."respondedOn" <= p."thresholdReachedOn" + ${PETITION_ANSWER_DAYS}::int, false)::int, 0, 0
      FROM "Petition" p
      WHERE p."targetKind" = 'PLATFORM' AND p."status" = 'PUBLISHED' AND p."thresholdReachedOn" IS NOT NULL ${only(`p."platformId"`)}
      UNION ALL
      -- Verdicts as last released (steps of 5, src/features/stats/releases), never live counts.
      SELECT sp."platformId", a."dueOn", 0, 0,
        coalesce((fr.cells->>'YES')::int, 0) + coalesce((fr.cells->>'PARTLY')::int, 0) + coalesce((fr.cells->>'NO')::int, 0), coalesce((fr.cells->>'YES')::int, 0)
      FROM "Answer" a
      JOIN "SubmissionParty" sp ON sp.id = a."partyId"
      JOIN "Submission" s ON s.id = sp."submissionId"
      JOIN "FigureRelease" fr ON fr.kind = 'verdict' AND fr."subjectId" = a.id
      WHERE a.current AND a.status IN ('ACCEPTED', 'PARTLY_ACCEPTED') AND a."dueOn" IS NOT NULL
        AND sp.kind = 'PLATFORM' AND ${PUBLISHED_SQL} ${only(`sp."platformId"`)}
    )
    SELECT "platformId", date_trunc('quarter', "clock")::date AS "quarter",
      sum(addressed)::int AS addressed, sum("answeredInTime")::int AS "answeredInTime", sum(verdicts)::int AS verdicts, sum("verdictsDone")::int AS "verdictsDone"
    FROM items
    WHERE date_trunc('quarter', "clock")::date = ANY(${starts}::date[])
    GROUP BY 1, 2`;
  const out = new Map<string, Map<string, PortalRecord>>();
  for (const r of rows) {
    const perQuarter = out.get(r.platformId) ?? new Map<string, PortalRecord>();
    perQuarter.set(quarterOf(r.quarter), { addressed: Number(r.addressed), answeredInTime: Number(r.answeredInTime), verdicts: Number(r.verdicts), verdictsDone: Number(r.verdictsDone) });
    out.set(r.platformId, perQuarter);
  }
  return out;
}

/** The last four sealed quarters and the history's quarters, oldest first. */
function periods(today: Date) {
  const quarters = lastSealedQuarters(today, STATS_QUARTERS);
  const last = lastSealedQuarter(today);
  const history = Array.from({ length: HISTORY_QUARTERS }, (_, i) => addQuarters(last, i - HISTORY_QUARTERS + 1));
  return { quarters, history };
}

const platformSelect = { id: true, slug: true, nameZh: true, nameEn: true } as const;
const info = (p: { id: string; slug: string; nameZh: string; nameEn: string }): PlatformInfo => ({ platformId: p.id, slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn });

/** One platform's scorecard (overall, city x sector scopes, history), or null for an unknown slug. */
export async function readPlatformScorecard(slug: string, today?: string): Promise<PlatformScorecard | null> {
  const day = dayOf(today);
  const platform = await db.platform.findUnique({ where: { slug }, select: platformSelect });
  if (!platform) return null;
  const { quarters, history } = periods(day);
  // Seals what is due and missing (the scheduler's job normally has); older history is read as sealed.
  await ensureSealed({ quarters, platformIds: [platform.id] }, day);
  const [cells, portal, wages] = await Promise.all([scoredCells(history, [platform.id]), portalRecords(history, [platform.id]), listWages()]);
  return buildScorecard(info(platform), quarters, history, cells, portal.get(platform.id) ?? new Map(), wages);
}

/** Every platform's overall score over the last four sealed quarters: highest total first, unscored last, then by slug. */
export async function readLeagueTable(today?: string): Promise<LeagueRow[]> {
  const day = dayOf(today);
  const { quarters } = periods(day);
  await ensureSealed({ quarters }, day);
  const [platforms, cells, portal, wages] = await Promise.all([
    db.platform.findMany({ select: platformSelect, orderBy: { slug: "asc" } }),
    scoredCells(quarters),
    portalRecords(quarters),
    listWages(),
  ]);
  const byPlatform = new Map<string, ScoredCell[]>();
  for (const c of cells) byPlatform.set(c.platformId, [...(byPlatform.get(c.platformId) ?? []), c]);
  const rows = platforms.map((p) => {
    const card = buildScorecard(info(p), quarters, [], byPlatform.get(p.id) ?? [], portal.get(p.id) ?? new Map(), wages);
    return { platformId: card.platformId, slug: card.slug, nameZh: card.nameZh, nameEn: card.nameEn, overall: card.overall };
  });
  return rows.sort((a, b) => (b.overall.card.total ?? -1) - (a.overall.card.total ?? -1) || (a.slug < b.slug ? -1 : 1));
}
