import "server-only";
import { db } from "~/server/db";
import { chinaToday } from "~/lib/days";

export async function isVerified(accountId: string, unionId: string): Promise<boolean> {
  const row = await db.verification.findUnique({ where: { accountId_unionId: { accountId, unionId } }, select: { unionId: true } });
  return row !== null;
}

/** Organisers: how many of their codes are open or expired, and how many workers they verified; never who. */
export async function inviteCodeStats(unionId: string, today = chinaToday()) {
  const [open, expired, verified] = await Promise.all([
    db.inviteCode.count({ where: { unionId, expiresOn: { gte: today } } }),
    db.inviteCode.count({ where: { unionId, expiresOn: { lt: today } } }),
    db.verification.count({ where: { unionId } }),
  ]);
  return { open, expired, verified };
}

export async function verifiedUnionIds(accountId: string): Promise<string[]> {
  const rows = await db.verification.findMany({ where: { accountId }, select: { unionId: true } });
  return rows.map((r) => r.unionId);
}
