import "server-only";
import { db } from "~/server/db";

export async function isVerified(accountId: string, unionId: string): Promise<boolean> {
  const row = await db.verification.findUnique({ where: { accountId_unionId: { accountId, unionId } }, select: { unionId: true } });
  return row !== null;
}

/** Organisers: how many of their codes are open, used or expired; never who used them. */
export async function inviteCodeStats(unionId: string) {
  const now = new Date();
  const [open, used, expired, verified] = await Promise.all([
    db.inviteCode.count({ where: { unionId, usedOn: null, expiresAt: { gt: now } } }),
    db.inviteCode.count({ where: { unionId, usedOn: { not: null } } }),
    db.inviteCode.count({ where: { unionId, usedOn: null, expiresAt: { lte: now } } }),
    db.verification.count({ where: { unionId } }),
  ]);
  return { open, used, expired, verified };
}

export async function verifiedUnionIds(accountId: string): Promise<string[]> {
  const rows = await db.verification.findMany({ where: { accountId }, select: { unionId: true } });
  return rows.map((r) => r.unionId);
}
