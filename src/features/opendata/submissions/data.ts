import "server-only";
import { db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { day } from "~/features/campaigns/format";
import { PUBLISHED } from "~/features/records/data";
import { partyStatus } from "~/features/records/record";
import { publishVerdicts } from "~/features/verdicts/outcome";
import { countVerdicts } from "~/features/verdicts/data";
import { decodeCursor, pageOf } from "~/features/opendata/cursor";
import type { ListQuery } from "~/features/opendata/schema";
import { chinaToday } from "~/lib/days";

// Published submissions for the API: only versions already published, never the draft cover
// letter or changelog, never who answered (authorId) or who gave a verdict (nullifier).

const named = { select: { slug: true, nameZh: true, nameEn: true } } as const;
const summarySelect = {
  id: true,
  firstPublishedOn: true,
  respondBy: true,
  responseDays: true,
  campaign: { select: { id: true, title: true } },
  union: named,
  versions: { select: { version: true, publishedOn: true, changelog: true, digest: true }, orderBy: { version: "asc" } },
  parties: { select: { id: true, kind: true, firstAnsweredOn: true, completedOn: true, platform: named, union: named }, orderBy: [{ kind: "asc" }, { id: "asc" }] },
} satisfies Prisma.SubmissionSelect;
type SummaryRow = Prisma.SubmissionGetPayload<{ select: typeof summarySelect }>;

const optDay = (d: Date | null) => (d ? day(d) : null);
const api = (id: string) => `/api/v1/submissions/${id}`;

function toSummary(s: SummaryRow, today: Date) {
  const respondBy = s.respondBy!;
  const latest = s.versions.at(-1)!;
  return {
    id: s.id,
    campaign: s.campaign,
    union: s.union,
    firstPublishedOn: day(s.firstPublishedOn!),
    respondBy: day(respondBy),
    responseDays: s.responseDays,
    version: latest.version,
    digest: latest.digest,
    versions: s.versions.map((v) => ({ version: v.version, publishedOn: day(v.publishedOn), changelog: v.changelog, digest: v.digest, document: `${api(s.id)}/versions/${v.version}` })),
    parties: s.parties.map((p) => ({
      kind: p.kind,
      platform: p.platform,
      union: p.union,
      firstAnsweredOn: optDay(p.firstAnsweredOn),
      completedOn: optDay(p.completedOn),
      status: partyStatus(p, respondBy, today),
    })),
    links: { self: api(s.id), page: `/submissions/${s.id}`, answers: `/submissions/${s.id}/answers`, document: `${api(s.id)}/versions/${latest.version}` },
  };
}

/** Newest first, by first publication. */
export async function listPublishedSubmissions(query: ListQuery, today = chinaToday()) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.submission.findMany({
    where: { ...PUBLISHED, ...(cursor ? { OR: [{ firstPublishedOn: { lt: cursor.day } }, { firstPublishedOn: cursor.day, id: { gt: cursor.id } }] } : {}) },
    orderBy: [{ firstPublishedOn: "desc" }, { id: "asc" }],
    take: query.limit + 1,
    select: summarySelect,
  });
  const { rows: shown, nextCursor } = pageOf(rows, query.limit, (r) => ({ day: r.firstPublishedOn!, id: r.id }));
  return { data: shown.map((s) => toSummary(s, today)), nextCursor };
}

/** The latest version's metadata and every item's answers per party, with published verdicts. */
export async function getPublishedSubmission(submissionId: string, today = chinaToday()) {
  const s = await db.submission.findFirst({
    where: { id: submissionId, ...PUBLISHED },
    select: {
      ...summarySelect,
      items: {
        orderBy: [{ rank: "asc" }, { id: "asc" }],
        select: {
          id: true,
          rank: true,
          demandId: true,
          title: true,
          category: true,
          answers: {
            orderBy: [{ answeredOn: "asc" }, { current: "asc" }, { id: "asc" }],
            select: { id: true, partyId: true, status: true, text: true, dueOn: true, answeredOn: true, verdictsOpenOn: true, current: true },
          },
        },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND");
  // Released verdict counts (in steps of 5), the same the answers page shows.
  const counts = await countVerdicts(s.items.flatMap((i) => i.answers.map((a) => a.id)));
  const partyRef = new Map(s.parties.map((p) => [p.id, { kind: p.kind, slug: (p.platform ?? p.union)!.slug }]));
  const entry = (a: (typeof s.items)[number]["answers"][number]) => ({
    status: a.status,
    text: a.text,
    dueOn: optDay(a.dueOn),
    answeredOn: day(a.answeredOn),
    verdictsOpenOn: optDay(a.verdictsOpenOn),
    verdicts: publishVerdicts(counts.get(a.id) ?? { YES: 0, PARTLY: 0, NO: 0 }),
  });
  return {
    ...toSummary(s, today),
    items: s.items.map((item) => ({
      id: item.id,
      rank: item.rank,
      demandId: item.demandId,
      title: item.title,
      category: item.category,
      answers: s.parties.map((p) => {
        const mine = item.answers.filter((a) => a.partyId === p.id);
        const current = mine.find((a) => a.current);
        return { party: partyRef.get(p.id)!, current: current ? entry(current) : null, history: mine.map(entry) };
      }),
    })),
  };
}

/** The stored canonical text of a published version, exactly as hashed. */
export async function getPublishedVersion(submissionId: string, version: number) {
  const row = await db.submissionVersion.findFirst({
    where: { submissionId, version, submission: PUBLISHED },
    select: { document: true, digest: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
