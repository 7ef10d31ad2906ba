import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { addDays, chinaToday } from "~/lib/days";
import { inviteLink } from "~/features/verification/qr";
import { generateInviteCode, hashInviteCode, legacyInviteCodeHash, MAX_CODE_DAYS, normaliseInviteCode } from "~/features/verification/codes";

/** Codes are shown once: only their keyed hashes are stored. Valid through the last of `days` China days. */
export async function createInviteCodes(unionId: string, count: number, days: number, today = chinaToday()) {
  if (days < 1 || days > MAX_CODE_DAYS) throw new AppError("BAD_INPUT");
  const expiresOn = addDays(today, days - 1);
  const codes = Array.from({ length: count }, generateInviteCode);
  await db.inviteCode.createMany({ data: codes.map((code) => ({ unionId, codeHash: hashInviteCode(normaliseInviteCode(code)!), expiresOn })) });
  return { codes, expiresOn };
}

/** New codes with their links and QR codes, for the organiser to print or show once. */
export async function issueInviteCodes(unionId: string, count: number, days: number, baseUrl: string) {
  const { codes, expiresOn } = await createInviteCodes(unionId, count, days);
  return { expiresOn, codes: await Promise.all(codes.map((c) => inviteLink(c, baseUrl))) };
}

/**
 * Marks the account as verified by the code's union (issue 11, way 5).
 * - The code is claimed by deleting its row: of any number of concurrent redemptions one gets
 *   the row back, and afterwards nothing records that, when or by whom it was used.
 * - The verification is written by a second statement, so the two share no transaction id (a
 *   reader of the data directory cannot pair the dead invite tuple with the verification by
 *   xmin = xmax). Adjacent ids remain possible under low load: the dead tuple then says only "a
 *   code of this union, expiring that day", which the scheduler's vacuum of InviteCode removes.
 * - A crash between the two loses the code and no acknowledged verification: the organiser
 *   hands out another.
 */
export async function redeemInviteCode(accountId: string, input: string) {
  const normalised = normaliseInviteCode(input);
  if (!normalised) throw new AppError("CODE_INVALID");
  const hashes = [hashInviteCode(normalised), legacyInviteCodeHash(normalised)];
  const claimed = await db.$queryRaw<{ unionId: string }[]>`
    DELETE FROM "InviteCode" WHERE "codeHash" IN (${hashes[0]}, ${hashes[1]}) AND "expiresOn" >= wv_today() RETURNING "unionId"`;
  const unionId = claimed[0]?.unionId;
  if (!unionId) {
    const expired = await db.inviteCode.count({ where: { codeHash: { in: hashes } } });
    throw new AppError(expired ? "CODE_EXPIRED" : "CODE_INVALID");
  }
  await db.$executeRaw`INSERT INTO "Verification" ("accountId", "unionId") VALUES (${accountId}, ${unionId}) ON CONFLICT DO NOTHING`;
  return db.union.findUniqueOrThrow({ where: { id: unionId }, select: { nameZh: true, nameEn: true } });
}

/**
 * Hourly: codes expired for a month go (until then the organiser sees them counted), and InviteCode is vacuumed so the dead
 * tuples of used codes do not linger in the data directory beside the verifications they made.
 * VACUUM cannot run inside a transaction: db.$executeRawUnsafe runs it on its own.
 */
export async function purgeInviteCodes(today = chinaToday()) {
  const { count } = await db.inviteCode.deleteMany({ where: { expiresOn: { lt: addDays(today, -30) } } });
  await db.$executeRawUnsafe(`VACUUM "InviteCode"`);
  return count;
}
