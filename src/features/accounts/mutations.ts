import "server-only";
import QRCode from "qrcode";
import { db } from "~/server/db";
import { isForeignKeyViolation, isUniqueViolation } from "~/server/db/errors";
import { AppError } from "~/lib/app-error";
import {
  checkTotp,
  DECOY_TOTP_SECRET,
  decoyHash,
  generateAccountKey,
  generateTotpSecret,
  hashSecret,
  isStrongPassword,
  parseAccountKey,
  totpUri,
  verifySecret,
} from "~/features/accounts/credentials";
import { openTotpSecret, sealTotpSecret } from "~/features/accounts/totp-seal";
import { EMPTY_PROFILE, rememberWorkerProfile, sealProfile } from "~/features/accounts/profile-seal";
import { forgetAccountSessions, forgetSession } from "~/features/accounts/data";
import { hashSessionId, newSessionId } from "~/features/accounts/session-id";
import { addDays, chinaToday } from "~/lib/days";
import { makePseudonym } from "~/features/accounts/pseudonym";
import type { CreateStaffInput } from "~/features/accounts/schema";
import type { VerifiedProof } from "~/features/accounts/proof-of-work";
import type { Role, Sector } from "~/server/db/generated/enums";
import type { CityCode } from "~/lib/taxonomy";

export const SESSION_DAYS = 30;

/**
 * The public way in: a checked proof of work is spent (one conditional insert, so of any number
 * of concurrent uses exactly one passes) before any argon2 work, then the account is made.
 */
export async function createProvenWorkerAccount(proof: VerifiedProof) {
  const { count } = await db.spentChallenge.createMany({ data: [{ id: proof.spentKey, expiresAt: proof.expiresAt }], skipDuplicates: true });
  if (count === 0) throw new AppError("POW_USED");
  return createWorkerAccount();
}

/** Spent challenges past their expiry can no longer be replayed (verification refuses them). */
export async function purgeSpentChallenges(now = new Date()) {
  const { count } = await db.spentChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/**
 * One tap: a pseudonym and a key shown once. Nothing about the person is asked or kept. Without
 * a proof of work: for the seed, tests and benchmarks; the procedure uses createProvenWorkerAccount.
 */
export async function createWorkerAccount() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { key, lookup, secret } = generateAccountKey();
    const pseudonym = makePseudonym();
    try {
      await db.account.create({
        // Sealed even when empty: every worker's blob looks alike, set or not (profile-seal.ts).
        data: { role: "WORKER", pseudonym, keyLookup: lookup, secretHash: await hashSecret(secret), profileSealed: sealProfile(EMPTY_PROFILE) },
        select: { id: true },
      });
      return { pseudonym, key };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError("INTERNAL");
}

export type SignedIn = { accountId: string; role: Role; pseudonym: string };

export async function signInWithKey(input: string): Promise<SignedIn> {
  const parsed = parseAccountKey(input);
  const account = parsed
    ? await db.account.findUnique({
        where: { keyLookup: parsed.lookup },
        select: { id: true, role: true, pseudonym: true, secretHash: true, suspended: true },
      })
    : null;
  const ok = await verifySecret(account?.secretHash ?? (await decoyHash()), parsed?.secret ?? "x");
  if (!account || !ok || account.role !== "WORKER") throw new AppError("INVALID_KEY");
  if (account.suspended) throw new AppError("FORBIDDEN");
  return { accountId: account.id, role: account.role, pseudonym: account.pseudonym };
}

/**
 * Password and code are checked together and every failure is the same INVALID_CREDENTIALS,
 * with the same work (one argon2 verify, one TOTP check) for unknown users, wrong passwords,
 * wrong codes and accounts without TOTP: the answer tells a guesser neither which part was
 * wrong nor which accounts have TOTP. Organisers may have no TOTP (PRIVACY.md P1); their code
 * field is ignored.
 */
export async function signInStaff(input: { username: string; password: string; totp: string }): Promise<SignedIn> {
  const account = await db.account.findUnique({
    where: { username: input.username.toLowerCase() },
    select: { id: true, role: true, pseudonym: true, secretHash: true, totpSecret: true, suspended: true },
  });
  const passwordOk = await verifySecret(account?.secretHash ?? (await decoyHash()), input.password);
  const step = checkTotp(account?.totpSecret ? openTotpSecret(account.totpSecret) : DECOY_TOTP_SECRET, input.totp);
  if (!account || !passwordOk || account.role === "WORKER") throw new AppError("INVALID_CREDENTIALS");
  if (account.totpSecret && (step === null || !(await claimTotpStep(account.id, step)))) throw new AppError("INVALID_CREDENTIALS");
  if (account.suspended) throw new AppError("FORBIDDEN");
  return { accountId: account.id, role: account.role, pseudonym: account.pseudonym };
}

/**
 * One conditional UPDATE: the row lock makes concurrent claims of one step queue, and the
 * second finds the condition false, so several instances agree that a code works once. Later
 * steps only: an older code is refused too (RFC 6238 section 5.2).
 */
async function claimTotpStep(accountId: string, step: number) {
  const { count } = await db.account.updateMany({
    where: { id: accountId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/**
 * Seals TOTP secrets still stored in clear (rows from before sealing existed). Idempotent, run
 * at every start by prisma/seed.ts; a migration cannot do it, the key is not in the database.
 */
export async function sealPlaintextTotpSecrets() {
  const rows = await db.account.findMany({ where: { totpSecret: { not: null }, NOT: { totpSecret: { startsWith: "v1:" } } }, select: { id: true, totpSecret: true } });
  for (const row of rows) {
    await db.account.updateMany({ where: { id: row.id, totpSecret: row.totpSecret }, data: { totpSecret: sealTotpSecret(row.totpSecret!) } });
  }
  return rows.length;
}

/**
 * A server-side session behind the JWT: sign-out and suspension end it at once. The row keeps
 * the id's hash and the last day it is valid (P2: no time of day beside an account). Signing in
 * also clears sessions that expired, so the table holds live sessions only even between the
 * scheduler's purges.
 */
export async function openSession(accountId: string, today = chinaToday()) {
  const id = newSessionId();
  const expiresOn = addDays(today, SESSION_DAYS);
  await purgeExpiredSessions(today);
  await db.session.create({ data: { idHash: hashSessionId(id), accountId, expiresOn }, select: { idHash: true } });
  return { id, expiresOn };
}

/** Sign-out: the row goes, and this process forgets it at once. */
export async function revokeSession(sessionId: string) {
  await db.session.deleteMany({ where: { idHash: hashSessionId(sessionId) } });
  forgetSession(sessionId);
}

/** Deletes sessions whose last day has passed; the hourly scheduler runs it too. */
export async function purgeExpiredSessions(today = chinaToday()) {
  const { count } = await db.session.deleteMany({ where: { expiresOn: { lt: today } } });
  return count;
}

export async function updateWorkerProfile(
  accountId: string,
  profile: { sectors: Sector[]; platformSlugs: string[]; city: CityCode | null },
) {
  const known = await db.platform.findMany({ where: { slug: { in: profile.platformSlugs } }, select: { slug: true } });
  if (known.length !== new Set(profile.platformSlugs).size) throw new AppError("BAD_INPUT");
  const clean = { sectors: [...new Set(profile.sectors)], platformSlugs: [...new Set(profile.platformSlugs)], city: profile.city };
  await db.account.update({ where: { id: accountId, role: "WORKER" }, data: { profileSealed: sealProfile(clean) }, select: { id: true } });
  rememberWorkerProfile(accountId, clean);
}

/** Staff accounts are created only by admins. Platform reps and admins get a TOTP secret, shown once. */
export async function createStaffAccount(input: CreateStaffInput) {
  const username = input.username.toLowerCase();
  if (!isStrongPassword(input.password, [username, "worker", "voice"])) throw new AppError("WEAK_PASSWORD");
  const needsTotp = input.role !== "ORGANISER";
  const totpSecret = needsTotp ? generateTotpSecret() : null;
  try {
    const account = await db.account.create({
      data: {
        role: input.role,
        username,
        pseudonym: `staff-${username}`,
        secretHash: await hashSecret(input.password),
        totpSecret: totpSecret ? sealTotpSecret(totpSecret) : null,
        unionId: input.role === "ORGANISER" ? input.unionId : null,
        platformId: input.role === "PLATFORM_REP" ? input.platformId : null,
      },
      select: { id: true },
    });
    const uri = totpSecret ? totpUri(totpSecret, username) : null;
    // The QR code is drawn here so the admin's browser never needs a QR library.
    const totpQrSvg = uri ? await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
    return { id: account.id, username, totpSecret, totpUri: uri, totpQrSvg };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("ALREADY_EXISTS");
    if (isForeignKeyViolation(err)) throw new AppError("NOT_FOUND");
    throw err;
  }
}

export async function setSuspended(accountId: string, suspended: boolean) {
  const { count } = await db.account.updateMany({
    where: { id: accountId },
    data: { suspended },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  if (suspended) {
    await db.session.deleteMany({ where: { accountId } });
    forgetAccountSessions(accountId);
  }
}

export async function createPlatform(input: { slug: string; nameZh: string; nameEn: string; sector: Sector }) {
  try {
    return await db.platform.create({ data: input, select: { id: true, slug: true } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("ALREADY_EXISTS");
    throw err;
  }
}

export async function createUnion(input: { slug: string; nameZh: string; nameEn: string }) {
  try {
    return await db.union.create({ data: input, select: { id: true, slug: true } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("ALREADY_EXISTS");
    throw err;
  }
}
