import "server-only";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { notifyFollowers } from "~/features/notifications/mutations";
import { canonicalJson, digestOf } from "~/features/submissions/canonical";
import { assembleDocument, compileBody, type DocumentBody } from "~/features/submissions/compile";
import { getUnionCampaignPhase, platformIdsBySlug } from "~/features/submissions/data";
import { addDays, changelogRequired, isoDay } from "~/features/submissions/policy";
import type { DraftInput, PublishInput } from "~/features/submissions/schema";

// Writes of submissions: the organiser's draft, and publication of a version. A published
// version is never updated or deleted (PRIVACY.md P9); a correction is the next version.

async function checkCampaign(unionId: string, campaignId: string) {
  const phase = await getUnionCampaignPhase(unionId, campaignId);
  if (phase !== "CLOSED") throw new AppError("CAMPAIGN_NOT_CLOSED");
}

/** One submission row per campaign, created idempotently (ON CONFLICT DO NOTHING). */
async function ensureSubmission(tx: Tx, unionId: string, campaignId: string) {
  await tx.submission.createMany({ data: [{ campaignId, unionId }], skipDuplicates: true });
}

export async function saveDraft(unionId: string, input: DraftInput) {
  await checkCampaign(unionId, input.campaignId);
  refusePii(input.coverLetter, input.changelog);
  await db.$transaction(async (tx) => {
    await ensureSubmission(tx, unionId, input.campaignId);
    await tx.submission.update({
      where: { campaignId: input.campaignId },
      data: { draftCoverLetter: input.coverLetter, draftChangelog: input.changelog || null, draftScorecard: input.includeScorecard ?? false },
    });
    // The response clock is fixed at first publication.
    await tx.submission.updateMany({ where: { campaignId: input.campaignId, currentVersion: 0 }, data: { responseDays: input.responseDays } });
  });
  return { ok: true as const };
}

type Published = { submissionId: string; version: number; digest: string; duplicate: boolean };

/**
 * Publishes version `expectedVersion + 1` in one transaction: the version row (canonical JSON
 * and its SHA-256), the items in rank order, the parties addressed and the followers' notices.
 * The conditional update on `currentVersion` lets exactly one of any number of concurrent
 * requests win; a retry of the same request gets the version it already published.
 */
export async function publishSubmission(unionId: string, input: PublishInput, today: Date): Promise<Published> {
  await checkCampaign(unionId, input.campaignId);
  const next = input.expectedVersion + 1;
  const changelog = input.changelog.trim();
  if (changelogRequired(next) && !changelog) throw new AppError("CHANGELOG_REQUIRED");
  refusePii(input.coverLetter, changelog);

  // The heavy reads run before the transaction: the campaign is closed, so its tally is final.
  const { body, inputs } = await compileBody(input.campaignId, today, { scorecards: input.includeScorecard ?? false });
  const platforms = await platformIdsBySlug(body.campaign.addressees.platforms.map((p) => p.slug));

  return db.$transaction(
    async (tx) => {
      await ensureSubmission(tx, unionId, input.campaignId);
      const won = await tx.$queryRaw<{ id: string; respondBy: Date }[]>`
        UPDATE "Submission" SET
          "currentVersion" = ${next},
          "draftCoverLetter" = ${input.coverLetter},
          "draftChangelog" = NULL,
          "draftScorecard" = ${input.includeScorecard ?? false},
          "responseDays" = CASE WHEN "currentVersion" = 0 THEN ${input.responseDays} ELSE "responseDays" END,
          "firstPublishedOn" = COALESCE("firstPublishedOn", ${isoDay(today)}::date),
          "respondBy" = COALESCE("respondBy", ${isoDay(addDays(today, input.responseDays))}::date)
        WHERE "campaignId" = ${input.campaignId} AND "currentVersion" = ${input.expectedVersion}
        RETURNING "id", "respondBy"`;
      if (won.length === 0) return sameRequestAgain(tx, input, next, changelog);
      const { id, respondBy } = won[0]!;

      const previous = input.expectedVersion
        ? await tx.submissionVersion.findUniqueOrThrow({ where: { submissionId_version: { submissionId: id, version: input.expectedVersion } }, select: { digest: true } })
        : null;
      const doc = assembleDocument(body, {
        id,
        version: next,
        publishedOn: isoDay(today),
        changelog: changelogRequired(next) ? changelog : null,
        previousDigest: previous?.digest ?? null,
        respondBy: isoDay(respondBy),
        coverLetter: input.coverLetter,
      });
      const document = canonicalJson(doc);
      const digest = digestOf(document);
      await tx.submissionVersion.create({ data: { submissionId: id, version: next, publishedOn: today, changelog: doc.submission.changelog, document, digest } });
      await putItems(tx, id, next, body.demands);
      await tx.submissionParty.createMany({
        data: [
          ...platforms.map((p) => ({ submissionId: id, kind: "PLATFORM" as const, platformId: p.id })),
          ...(body.campaign.addressees.union ? [{ submissionId: id, kind: "UNION" as const, unionId: inputs.campaign.unionId }] : []),
        ],
        skipDuplicates: true,
      });
      await notifyFollowers(tx, input.campaignId, "SUBMISSION_PUBLISHED", { submissionId: id, dedupeKey: `published:${id}:${next}` });
      return { submissionId: id, version: next, digest, duplicate: false };
    },
    // Concurrent publishers queue on the submission row; give them time to get a connection.
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** Demands put to the parties, in rank order; a correction updates rank and wording in place. */
async function putItems(tx: Tx, submissionId: string, version: number, demands: DocumentBody["demands"]) {
  const rows = demands.map((d) => ({ submissionId, demandId: d.demandId, rank: d.rank, title: d.title, category: d.category, version }));
  await tx.submissionItem.createMany({ data: rows, skipDuplicates: true });
  if (version === 1) return;
  for (const r of rows) {
    await tx.submissionItem.updateMany({
      where: { submissionId, demandId: r.demandId, OR: [{ rank: { not: r.rank } }, { title: { not: r.title } }, { category: { not: r.category } }] },
      data: { rank: r.rank, title: r.title, category: r.category, version },
    });
  }
}

/**
 * Someone else moved the submission on. If the version we meant to publish exists with the same
 * content (a double tap, a retried request), answer with it; otherwise the organiser was
 * looking at an old state and must reload.
 */
async function sameRequestAgain(tx: Tx, input: PublishInput, next: number, changelog: string): Promise<Published> {
  const row = await tx.submissionVersion.findFirst({
    where: { version: next, submission: { campaignId: input.campaignId } },
    select: { submissionId: true, digest: true, changelog: true, document: true },
  });
  if (!row) throw new AppError("CONFLICT");
  const stored = JSON.parse(row.document) as { coverLetter: string };
  const same = stored.coverLetter === input.coverLetter && (row.changelog ?? "") === (changelogRequired(next) ? changelog : "");
  if (!same) throw new AppError("CONFLICT");
  return { submissionId: row.submissionId, version: next, digest: row.digest, duplicate: true };
}
