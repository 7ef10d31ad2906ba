import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";

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
