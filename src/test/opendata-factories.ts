import { randomBytes } from "node:crypto";
import { canonicalJson, digestOf } from "~/features/submissions/canonical";
import { DOCUMENT_SCHEMA, type SubmissionDocument } from "~/features/submissions/document";
import { releaseCells, STEP } from "~/features/stats/releases/rule";
import type { PrismaClient } from "~/server/db/generated/client";

// Published submissions with answers and verdicts, written straight into the tables (the
// compile and answers features are built in parallel). Every function takes the Prisma client
// to write with, so the same factory seeds Vitest's database and the PGlite directory an
// end-to-end spec serves. Names are unique, so files can share a PostgreSQL database.

type Db = PrismaClient;
export type Named = { id: string; slug: string; nameZh: string; nameEn: string };
export type AnswerStatus = "ACCEPTED" | "PARTLY_ACCEPTED" | "NEGOTIATING" | "REJECTED";

const uid = () => randomBytes(4).toString("hex");
export const on = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export async function makePlatformRow(db: Db, over: Partial<Omit<Named, "id">> = {}): Promise<Named> {
  const id = uid();
  return db.platform.create({
    data: { slug: `op-${id}`, nameZh: `开放平台${id}`, nameEn: `Open Platform ${id}`, sector: "FOOD_DELIVERY", ...over },
    select: { id: true, slug: true, nameZh: true, nameEn: true },
  });
}

export async function makeUnionRow(db: Db): Promise<Named> {
  const id = uid();
  return db.union.create({ data: { slug: `ou-${id}`, nameZh: `开放工会${id}`, nameEn: `Open Union ${id}` }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
}

export type SubmissionOptions = {
  platforms: Named[];
  union?: Named;
  targetsUnion?: boolean;
  /** First publication, "YYYY-MM-DD". */
  publishedOn?: string;
  responseDays?: number;
  items?: number;
  versions?: number;
  /** Never published: no version, currentVersion 0 (items and parties still written, as a worst case). */
  draft?: boolean;
  draftCoverLetter?: string;
  draftChangelog?: string | null;
  campaignTitle?: string;
  campaignDescription?: string;
  /** Titles and texts of the demands (one item each); generated when not given. */
  demands?: { title: string; text: string }[];
  coverLetter?: string;
  /** Approved narrative quotes carried in the document. */
  quotes?: { text: string; month: string }[];
};

export type MadeSubmission = {
  submissionId: string;
  campaignId: string;
  union: Named;
  items: { id: string; demandId: string; title: string }[];
  /** Party ids by platform id, and the union's under "union". */
  parties: Record<string, string>;
  versions: { version: number; digest: string; document: string }[];
};

export async function makeSubmission(db: Db, opts: SubmissionOptions): Promise<MadeSubmission> {
  const union = opts.union ?? (await makeUnionRow(db));
  const first = on(opts.publishedOn ?? "2026-01-05");
  const responseDays = opts.responseDays ?? 30;
  const campaign = await db.campaign.create({
    data: {
      unionId: union.id,
      title: opts.campaignTitle ?? `Open data campaign ${uid()}`,
      description: opts.campaignDescription ?? "Riders ranked what should change about rest days and deductions.",
      scopePlatformSlugs: opts.platforms.map((p) => p.slug),
      targetPlatformSlugs: opts.platforms.map((p) => p.slug),
      targetsUnion: opts.targetsUnion ?? false,
      phase: "CLOSED",
      proposingFrom: plusDays(first, -60),
      votingFrom: plusDays(first, -30),
      closesOn: plusDays(first, -5),
    },
    select: { id: true, title: true, description: true, proposingFrom: true, votingFrom: true, closesOn: true },
  });
  const demands = [];
  for (let i = 0; i < (opts.demands?.length ?? opts.items ?? 3); i++) {
    const given = opts.demands?.[i];
    demands.push(
      await db.demand.create({
        data: { campaignId: campaign.id, number: i + 1, title: given?.title ?? `Demand ${i + 1} ${uid()}`, text: given?.text ?? `What demand ${i + 1} asks for.`, category: "pay_and_deductions", status: "APPROVED", byOrganiser: true },
        select: { id: true, number: true, title: true, text: true, category: true },
      }),
    );
  }
  const published = !opts.draft;
  const versionCount = published ? (opts.versions ?? 1) : 0;
  const submission = await db.submission.create({
    data: {
      campaignId: campaign.id,
      unionId: union.id,
      draftCoverLetter: opts.draftCoverLetter ?? "",
      draftChangelog: opts.draftChangelog ?? null,
      responseDays,
      firstPublishedOn: published ? first : null,
      respondBy: published ? plusDays(first, responseDays) : null,
      currentVersion: versionCount,
    },
    select: { id: true },
  });

  const versions: MadeSubmission["versions"] = [];
  for (let v = 1; v <= versionCount; v++) {
    const publishedOn = plusDays(first, (v - 1) * 3);
    const doc: SubmissionDocument = {
      schema: DOCUMENT_SCHEMA,
      submission: {
        id: submission.id,
        version: v,
        publishedOn: ymd(publishedOn),
        changelog: v === 1 ? null : `Correction ${v}: fixed a typo in demand 1.`,
        previousDigest: versions.at(-1)?.digest ?? null,
        respondBy: ymd(plusDays(first, responseDays)),
      },
      campaign: {
        id: campaign.id,
        title: campaign.title,
        description: campaign.description,
        union: { slug: union.slug, nameZh: union.nameZh, nameEn: union.nameEn },
        scope: { platforms: opts.platforms.map((p) => p.slug), sectors: [], cities: [] },
        addressees: { platforms: opts.platforms.map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })), union: opts.targetsUnion ?? false, government: null },
        phases: { proposingFrom: ymd(campaign.proposingFrom), votingFrom: ymd(campaign.votingFrom), closesOn: ymd(campaign.closesOn) },
        verifiedOnly: false,
      },
      coverLetter: opts.coverLetter ?? `Dear platforms, please answer version ${v}. 请逐项回应。`,
      method: {
        eligibility: { zh: "范围内的所有劳动者", en: "Every worker in scope" },
        counting: { zh: "博尔达计分", en: "Borda count" },
        tieBreak: { zh: "首选票数", en: "First preferences" },
        k: 5,
        kQuotes: 10,
      },
      participation: { ballots: 12, verifiedShare: 0.5, demandsProposed: demands.length, demandsApproved: demands.length },
      demands: demands.map((d, i) => ({ rank: i + 1, demandId: d.id, number: d.number, title: d.title, text: d.text, category: d.category, points: Math.max(0, 40 - i * 5), firsts: Math.max(0, 6 - i), includes: Math.max(0, 10 - i), share: Math.max(0, 10 - i) / 12 })),
      breakdowns: [],
      petitions: [],
      conditions: null,
      quotes: opts.quotes ?? [],
    };
    const document = canonicalJson(doc);
    const digest = digestOf(document);
    await db.submissionVersion.create({ data: { submissionId: submission.id, version: v, publishedOn, changelog: doc.submission.changelog, document, digest } });
    versions.push({ version: v, digest, document });
  }

  const items = [];
  for (const [i, d] of demands.entries()) {
    const item = await db.submissionItem.create({
      data: { submissionId: submission.id, demandId: d.id, rank: i + 1, title: d.title, category: d.category, version: 1 },
      select: { id: true, demandId: true, title: true },
    });
    items.push(item);
  }
  const parties: Record<string, string> = {};
  for (const p of opts.platforms) {
    parties[p.id] = (await db.submissionParty.create({ data: { submissionId: submission.id, kind: "PLATFORM", platformId: p.id }, select: { id: true } })).id;
  }
  if (opts.targetsUnion) {
    parties.union = (await db.submissionParty.create({ data: { submissionId: submission.id, kind: "UNION", unionId: union.id }, select: { id: true } })).id;
  }
  return { submissionId: submission.id, campaignId: campaign.id, union, items, parties, versions };
}

/**
 * A party's answer to an item: supersedes its current one (kept as history) and keeps the
 * party's first-answer and completion dates as the answers feature does.
 */
export async function answer(
  db: Db,
  a: { itemId: string; partyId: string; status: AnswerStatus; answeredOn: string; dueOn?: string | null; text?: string; authorId?: string | null },
) {
  await db.answer.updateMany({ where: { itemId: a.itemId, partyId: a.partyId, current: true }, data: { current: false } });
  const row = await db.answer.create({
    data: {
      itemId: a.itemId,
      partyId: a.partyId,
      status: a.status,
      text: a.text ?? `Our answer: ${a.status.toLowerCase()}.`,
      dueOn: a.dueOn ? on(a.dueOn) : null,
      answeredOn: on(a.answeredOn),
      authorId: a.authorId ?? null,
      verdictsOpenOn: a.dueOn ? plusDays(on(a.dueOn), 1) : null,
    },
    select: { id: true },
  });
  const party = await db.submissionParty.findUniqueOrThrow({ where: { id: a.partyId }, select: { firstAnsweredOn: true, submissionId: true } });
  const [items, answered] = await Promise.all([
    db.submissionItem.count({ where: { submissionId: party.submissionId } }),
    db.answer.count({ where: { partyId: a.partyId, current: true } }),
  ]);
  const when = on(a.answeredOn);
  await db.submissionParty.update({
    where: { id: a.partyId },
    data: {
      firstAnsweredOn: party.firstAnsweredOn && party.firstAnsweredOn <= when ? party.firstAnsweredOn : when,
      ...(answered >= items ? { completedOn: when } : {}),
    },
  });
  return row.id;
}

/** Workers' verdicts on a commitment; returns the nullifiers written, for leak checks. */
export async function addVerdicts(db: Db, answerId: string, counts: Partial<Record<"YES" | "PARTLY" | "NO", number>>) {
  const rows = (Object.entries(counts) as ["YES" | "PARTLY" | "NO", number][]).flatMap(([value, n]) =>
    Array.from({ length: n }, () => ({ answerId, value, nullifier: randomBytes(32).toString("hex"), city: "beijing", platform: null, sector: "FOOD_DELIVERY" })),
  );
  await db.itemVerdict.createMany({ data: rows });
  // Each verdict is a distinct worker acting on the answer's stepped figure: with 5 or more the
  // factory releases them as the release mutation would (the same rule; this client may be an
  // end-to-end spec's own, so the server's mutation is not called).
  if (rows.length >= STEP) {
    const all = await db.itemVerdict.groupBy({ by: ["value"], where: { answerId }, _count: { _all: true } });
    const cells = releaseCells(Object.fromEntries(all.map((g) => [g.value, g._count._all])))!;
    await db.figureRelease.upsert({ where: { kind_subjectId: { kind: "verdict", subjectId: answerId } }, create: { kind: "verdict", subjectId: answerId, cells, actors: rows.length }, update: { cells, actors: rows.length } });
  }
  return rows.map((r) => r.nullifier);
}

/** A published petition to a platform that crossed its threshold and waits for an answer, with `signatures` counted. */
export async function makeAwaitingPetition(db: Db, platform: Named, signatures: number, title = `Answer our petition ${uid()}`) {
  const id = randomBytes(12).toString("base64url");
  await db.petition.create({
    data: {
      id,
      shortCode: uid() + uid().slice(0, 2),
      ownerKey: randomBytes(32).toString("hex"),
      title,
      ask: "Pay for waiting time at restaurants.",
      reason: "We wait without pay while the app counts us late.",
      targetKind: "PLATFORM",
      platformId: platform.id,
      status: "PUBLISHED",
      sponsorCount: 5,
      threshold: 5,
      publishedOn: on("2026-01-02"),
      closesOn: on("2099-01-01"),
      thresholdReachedOn: on("2026-01-03"),
    },
  });
  await db.petitionTally.createMany({ data: [{ petitionId: id, dimension: "total", value: "", slot: 0, count: signatures }] });
  return id;
}
