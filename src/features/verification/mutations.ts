import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { chinaToday } from "~/lib/days";
import { inviteLink } from "~/features/verification/qr";
import { generateInviteCode, hashInviteCode, MAX_CODE_DAYS, normaliseInviteCode } from "~/features/verification/codes";

/** Codes are shown once: only their hashes are stored. */
export async function createInviteCodes(unionId: string, count: number, days: number) {
  if (days < 1 || days > MAX_CODE_DAYS) throw new AppError("BAD_INPUT");
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const codes = Array.from({ length: count }, generateInviteCode);
  await db.inviteCode.createMany({ data: codes.map((code) => ({ unionId, codeHash: hashInviteCode(normaliseInviteCode(code)!), expiresAt })) });
  return { codes, expiresAt };
}

/** New codes with their links and QR codes, for the organiser to print or show once. */
export async function issueInviteCodes(unionId: string, count: number, days: number, baseUrl: string) {
  const { codes, expiresAt } = await createInviteCodes(unionId, count, days);
  return { expiresAt, codes: await Promise.all(codes.map((c) => inviteLink(c, baseUrl))) };
}

/**
 * Marks the account as verified by the code's union. The claim is one conditional update, so
 * two redemptions of one code cannot both succeed; the code row never records who redeemed it.
 */
export async function redeemInviteCode(accountId: string, input: string) {
  const normalised = normaliseInviteCode(input);
  if (!normalised) throw new AppError("CODE_INVALID");
  const codeHash = hashInviteCode(normalised);
  return db.$transaction(async (tx) => {
    const code = await tx.inviteCode.findUnique({ where: { codeHash }, select: { id: true, unionId: true, usedOn: true, expiresAt: true } });
    if (!code) throw new AppError("CODE_INVALID");
    if (code.usedOn) throw new AppError("CODE_USED");
    if (code.expiresAt <= new Date()) throw new AppError("CODE_EXPIRED");
    const { count } = await tx.inviteCode.updateMany({ where: { id: code.id, usedOn: null }, data: { usedOn: chinaToday() } });
    if (count === 0) throw new AppError("CODE_USED");
    await tx.verification.upsert({
      where: { accountId_unionId: { accountId, unionId: code.unionId } },
      create: { accountId, unionId: code.unionId },
      update: {},
      select: { unionId: true },
    });
    const union = await tx.union.findUniqueOrThrow({ where: { id: code.unionId }, select: { nameZh: true, nameEn: true } });
    return union;
  });
}
