import "server-only";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { openProfiles } from "~/features/accounts/profile-seal";
import { matchesProfile } from "~/features/campaigns/policy";

/** Following is idempotent: the primary key (campaign, account) keeps one row. */
export async function setFollow(accountId: string, campaignId: string, follow: boolean) {
  if (follow) {
    const exists = await db.campaign.count({ where: { id: campaignId } });
    if (!exists) throw new AppError("NOT_FOUND");
    await db.$executeRaw`INSERT INTO "CampaignFollow" ("campaignId", "accountId") VALUES (${campaignId}, ${accountId}) ON CONFLICT DO NOTHING`;
  } else {
    await db.campaignFollow.deleteMany({ where: { campaignId, accountId } });
  }
  return { following: follow };
}

export async function markAllRead(accountId: string) {
  await db.notification.updateMany({ where: { accountId, read: false }, data: { read: true } });
}

/** A worker's notifications are theirs to delete, one or all. */
export async function deleteNotifications(accountId: string, ids: string[] | "all") {
  await db.notification.deleteMany({ where: ids === "all" ? { accountId } : { accountId, id: { in: ids } } });
}

export type SubmissionNoticeKind = "SUBMISSION_PUBLISHED" | "ANSWER_ARRIVED" | "RESPONSE_OVERDUE" | "VERDICT_ASKED";

/**
 * Tells every follower of a campaign about a submission event, in one statement. `dedupeKey`
 * names the event (say "answer:<answerId>"): the unique (account, dedupeKey) index stores it
 * once per follower however often the caller retries or races.
 */
export async function notifyFollowers(
  tx: Tx,
  campaignId: string,
  kind: SubmissionNoticeKind,
  ref: { submissionId: string; answerId?: string; dedupeKey: string },
) {
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "accountId", "kind", "campaignId", "submissionId", "answerId", "dedupeKey")
    SELECT gen_random_uuid()::text, f."accountId", ${kind}, ${campaignId}, ${ref.submissionId}, ${ref.answerId ?? null}, ${ref.dedupeKey}
    FROM "CampaignFollow" f WHERE f."campaignId" = ${campaignId}
    ON CONFLICT ("accountId", "dedupeKey") DO NOTHING`;
}

/**
 * Like notifyFollowers, but only followers who may act on the notice: their profile meets the
 * campaign's scope (an empty scope list is everyone) and, for a campaign of verified workers,
 * the union verified them. Used to ask "was this done?" only of workers whose verdict counts.
 * Profiles are sealed (profile-seal.ts), so the scope is checked here rather than in SQL: one
 * read of the followers, one insert of those in scope.
 */
export async function notifyFollowersInScope(
  tx: Tx,
  campaignId: string,
  kind: SubmissionNoticeKind,
  ref: { submissionId: string; answerId?: string; dedupeKey: string },
) {
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { scopePlatformSlugs: true, scopeSectors: true, scopeCities: true } });
  if (!campaign) return 0;
  const followers = await tx.$queryRaw<{ accountId: string; profileSealed: string | null }[]>`
    SELECT f."accountId", a."profileSealed"
    FROM "CampaignFollow" f
    JOIN "Account" a ON a."id" = f."accountId"
    JOIN "Campaign" c ON c."id" = f."campaignId"
    WHERE f."campaignId" = ${campaignId} AND a."role" = 'WORKER'
      AND (NOT c."verifiedOnly" OR EXISTS (SELECT 1 FROM "Verification" v WHERE v."accountId" = f."accountId" AND v."unionId" = c."unionId"))`;
  const inScope = openProfiles(followers).filter((f) => matchesProfile(campaign, f.profile)).map((f) => f.accountId);
  if (inScope.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "accountId", "kind", "campaignId", "submissionId", "answerId", "dedupeKey")
    SELECT gen_random_uuid()::text, a, ${kind}, ${campaignId}, ${ref.submissionId}, ${ref.answerId ?? null}, ${ref.dedupeKey}
    FROM unnest(${inScope}::text[]) AS a
    ON CONFLICT ("accountId", "dedupeKey") DO NOTHING`;
}
