import "server-only";
import { db } from "~/server/db";

export function countUnread(accountId: string) {
  return db.notification.count({ where: { accountId, read: false } });
}

export function listNotifications(accountId: string) {
  return db.notification.findMany({
    where: { accountId },
    orderBy: [{ createdOn: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, kind: true, read: true, createdOn: true, submissionId: true, answerId: true, campaign: { select: { id: true, title: true } } },
  });
}

export async function isFollowing(accountId: string, campaignId: string) {
  const row = await db.campaignFollow.findUnique({ where: { campaignId_accountId: { campaignId, accountId } }, select: { campaignId: true } });
  return row !== null;
}
