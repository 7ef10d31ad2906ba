import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { listPetitions } from "~/features/petitions/data";
import { commitmentRecord, partyStatus, share, type CommitmentGroup, type CommitmentRecord } from "~/features/records/record";
import { chinaToday } from "~/lib/days";
import { decodeCursor, pageOf, type Cursor } from "~/features/opendata/cursor";

// A platform's public record (issue 6): how it answers the submissions addressed to it and
// whether workers confirm it kept its commitments. Only published submissions count; every
// count is made in SQL, one grouped query per figure, whatever the number of submissions.

/** A submission is public once a version is published; drafts never count. */
export const PUBLISHED = { currentVersion: { gt: 0 }, firstPublishedOn: { not: null }, respondBy: { not: null }, versions: { some: {} } } satisfies Prisma.SubmissionWhereInput;
export const PUBLISHED_SQL = Prisma.sql`s."currentVersion" > 0 AND s."firstPublishedOn" IS NOT NULL AND s."respondBy" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "SubmissionVersion" sv WHERE sv."submissionId" = s.id)`;

export type ResponseRecord = {
  /** Published submissions addressed to the platform. */
  addressed: number;
  /** ... that it has answered at least one item of. */
  answered: number;
  /** ... whose first answer came by the end of the response clock. */
  answeredOnTime: number;
  /** ... still without a full answer after the clock ran out. */
  overdue: number;
  responseRate: number | null;
  onTimeRate: number | null;
  /** Median days from first publication to the first answer, over the answered ones. */
  medianDaysToFirstAnswer: number | null;
};

export type PlatformRecordSummary = {
  platform: { id: string; slug: string; nameZh: string; nameEn: string; sector: string };
  responses: ResponseRecord;
  commitments: CommitmentRecord;
};

type ResponseRow = { id: string; slug: string; nameZh: string; nameEn: string; sector: string; addressed: number; answered: number; answeredOnTime: number; overdue: number; medianDays: number | null };

async function responseRows(today: Date, slug?: string) {
  const only = slug ? Prisma.sql`WHERE p.slug = ${slug}` : Prisma.empty;
  return db.$queryRaw<ResponseRow[]>`
    WITH parties AS (
      SELECT sp."platformId", sp."firstAnsweredOn", sp."completedOn", s."firstPublishedOn", s."respondBy"
      FROM "SubmissionParty" sp JOIN "Submission" s ON s.id = sp."submissionId"
      WHERE sp.kind = 'PLATFORM' AND ${PUBLISHED_SQL}
    )
    SELECT p.id, p.slug, p."nameZh", p."nameEn", p.sector::text AS sector,
      count(x."platformId")::int AS addressed,
      count(x."firstAnsweredOn")::int AS answered,
      count(*) FILTER (WHERE x."firstAnsweredOn" <= x."respondBy")::int AS "answeredOnTime",
      count(*) FILTER (WHERE x."completedOn" IS NULL AND x."respondBy" < ${today}::date)::int AS overdue,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY x."firstAnsweredOn" - x."firstPublishedOn") AS "medianDays"
    FROM "Platform" p LEFT JOIN parties x ON x."platformId" = p.id
    ${only}
    GROUP BY p.id ORDER BY p.slug`;
}

/**
 * Current commitments grouped by platform and by their released verdict counts (few rows,
 * whatever the volume): one release row per commitment, so one platform's record reads only
 * its own commitments'.
 */
async function commitmentGroups(platformId?: string) {
  const only = platformId ? Prisma.sql`AND sp."platformId" = ${platformId}` : Prisma.empty;
  return db.$queryRaw<(CommitmentGroup & { platformId: string })[]>`
    SELECT sp."platformId", v."YES", v."PARTLY", v."NO", count(*)::int AS commitments
    FROM "Answer" a
    JOIN "SubmissionParty" sp ON sp.id = a."partyId"
    JOIN "Submission" s ON s.id = sp."submissionId"
    -- Verdicts as last released (src/features/stats/releases), never live counts.
    LEFT JOIN "FigureRelease" fr ON fr.kind = 'verdict' AND fr."subjectId" = a.id
    CROSS JOIN LATERAL (
      SELECT coalesce((fr.cells->>'YES')::int, 0) AS "YES", coalesce((fr.cells->>'PARTLY')::int, 0) AS "PARTLY",
        coalesce((fr.cells->>'NO')::int, 0) AS "NO"
    ) v
    WHERE a.current AND a.status IN ('ACCEPTED', 'PARTLY_ACCEPTED') AND a."dueOn" IS NOT NULL
      AND sp.kind = 'PLATFORM' AND ${PUBLISHED_SQL} ${only}
    GROUP BY 1, 2, 3, 4`;
}

function toSummary(r: ResponseRow, groups: CommitmentGroup[]): PlatformRecordSummary {
  return {
    platform: { id: r.id, slug: r.slug, nameZh: r.nameZh, nameEn: r.nameEn, sector: r.sector },
    responses: {
      addressed: r.addressed,
      answered: r.answered,
      answeredOnTime: r.answeredOnTime,
      overdue: r.overdue,
      responseRate: share(r.answered, r.addressed),
      onTimeRate: share(r.answeredOnTime, r.addressed),
      medianDaysToFirstAnswer: r.medianDays === null ? null : Number(r.medianDays),
    },
    commitments: commitmentRecord(groups),
  };
}

// Every platform's record at once reads every commitment's verdicts (about 0.2-0.4 s at 10,000
// submissions and 200,000 verdicts, src/bench/opendata.ts), so the list is kept for as long as
// the API tells clients to cache it. A single platform's record is always read fresh.
const LIST_TTL_MS = 60_000;
const globalForRecords = globalThis as unknown as { wvRecordList?: { key: string; until: number; value: Promise<PlatformRecordSummary[]> } };

/** Every platform's record, in slug order. */
export function listPlatformRecords(today = chinaToday()): Promise<PlatformRecordSummary[]> {
  const key = today.toISOString();
  const hit = globalForRecords.wvRecordList;
  if (hit && hit.key === key && hit.until > Date.now()) return hit.value;
  const value = computePlatformRecords(today);
  globalForRecords.wvRecordList = { key, until: Date.now() + LIST_TTL_MS, value };
  // A failed read is not kept.
  value.catch(() => (globalForRecords.wvRecordList = undefined));
  return value;
}

async function computePlatformRecords(today: Date): Promise<PlatformRecordSummary[]> {
  const [rows, groups] = await Promise.all([responseRows(today), commitmentGroups()]);
  return rows.map((r) => toSummary(r, groups.filter((g) => g.platformId === r.id)));
}

/** Submissions per page of a record: the page and the open-data API read them with the API's cursors. */
export const SUBMISSIONS_PAGE = 30;
export type SubmissionsPage = { cursor?: string; limit?: number };

/**
 * One platform's record with one page of its submissions (newest first; `nextCursor` reads the
 * next, null on the last) and the petitions waiting for its answer; null for an unknown slug.
 * A cursor this code did not give out is refused (BadQuery), as in the rest of the open data.
 */
export async function getPlatformRecord(slug: string, page: SubmissionsPage = {}, today = chinaToday()) {
  const cursor = decodeCursor(page.cursor);
  const limit = page.limit ?? SUBMISSIONS_PAGE;
  const [row] = await responseRows(today, slug);
  if (!row) return null;
  const [groups, submissions, awaitingPetitions] = await Promise.all([commitmentGroups(row.id), platformSubmissions(row.id, today, cursor, limit), listPetitions("awaiting", slug)]);
  return { ...toSummary(row, groups), submissions: submissions.rows, nextCursor: submissions.nextCursor, awaitingPetitions };
}
export type PlatformRecord = NonNullable<Awaited<ReturnType<typeof getPlatformRecord>>>;

type SubmissionRow = {
  id: string;
  campaignId: string;
  campaignTitle: string;
  unionSlug: string;
  unionNameZh: string;
  unionNameEn: string;
  version: number;
  firstPublishedOn: Date;
  respondBy: Date;
  firstAnsweredOn: Date | null;
  completedOn: Date | null;
  items: number;
  answeredItems: number;
  commitments: number;
};

/** A page of the published submissions addressed to a platform, newest first, with how far it has answered. */
async function platformSubmissions(platformId: string, today: Date, cursor: Cursor | null, limit: number) {
  // Keyset order of the open-data lists (src/features/opendata/cursor.ts): day descending, id ascending.
  const after = cursor ? Prisma.sql`AND (s."firstPublishedOn" < ${cursor.day}::date OR (s."firstPublishedOn" = ${cursor.day}::date AND s.id > ${cursor.id}))` : Prisma.empty;
  const rows = await db.$queryRaw<SubmissionRow[]>`
    SELECT s.id, c.id AS "campaignId", c.title AS "campaignTitle", u.slug AS "unionSlug", u."nameZh" AS "unionNameZh", u."nameEn" AS "unionNameEn",
      s."currentVersion" AS version, s."firstPublishedOn", s."respondBy", sp."firstAnsweredOn", sp."completedOn",
      (SELECT count(*) FROM "SubmissionItem" i WHERE i."submissionId" = s.id)::int AS items,
      (SELECT count(DISTINCT a."itemId") FROM "Answer" a WHERE a."partyId" = sp.id AND a.current)::int AS "answeredItems",
      (SELECT count(*) FROM "Answer" a WHERE a."partyId" = sp.id AND a.current AND a.status IN ('ACCEPTED', 'PARTLY_ACCEPTED') AND a."dueOn" IS NOT NULL)::int AS commitments
    FROM "SubmissionParty" sp
    JOIN "Submission" s ON s.id = sp."submissionId"
    JOIN "Campaign" c ON c.id = s."campaignId"
    JOIN "Union" u ON u.id = s."unionId"
    WHERE sp.kind = 'PLATFORM' AND sp."platformId" = ${platformId} AND ${PUBLISHED_SQL} ${after}
    ORDER BY s."firstPublishedOn" DESC, s.id
    LIMIT ${limit + 1}`;
  const page = pageOf(rows, limit, (r) => ({ day: r.firstPublishedOn, id: r.id }));
  const shown = page.rows.map((r) => ({
    id: r.id,
    campaign: { id: r.campaignId, title: r.campaignTitle },
    union: { slug: r.unionSlug, nameZh: r.unionNameZh, nameEn: r.unionNameEn },
    version: r.version,
    firstPublishedOn: r.firstPublishedOn,
    respondBy: r.respondBy,
    firstAnsweredOn: r.firstAnsweredOn,
    completedOn: r.completedOn,
    status: partyStatus(r, r.respondBy, today),
    items: r.items,
    answeredItems: r.answeredItems,
    commitments: r.commitments,
  }));
  return { rows: shown, nextCursor: page.nextCursor };
}
