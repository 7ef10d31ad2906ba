import "server-only";
import { db } from "~/server/db";

export type SessionAccount = {
  sessionId: string;
  accountId: string;
  role: "WORKER" | "ORGANISER" | "PLATFORM_REP" | "ADMIN";
  pseudonym: string;
  unionId: string | null;
  platformId: string | null;
};

/** The account behind a live session, or null when it was signed out, expired or suspended. */
export async function getSessionAccount(sessionId: string): Promise<SessionAccount | null> {
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      account: { select: { id: true, role: true, pseudonym: true, unionId: true, platformId: true, suspendedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt < new Date() || row.account.suspendedAt) return null;
  const { account } = row;
  return {
    sessionId,
    accountId: account.id,
    role: account.role,
    pseudonym: account.pseudonym,
    unionId: account.unionId,
    platformId: account.platformId,
  };
}

export function getWorkerProfile(accountId: string) {
  return db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { pseudonym: true, sectors: true, platformSlugs: true, city: true, verifications: { select: { union: { select: { nameZh: true, nameEn: true } } } } },
  });
}

export function listPlatforms() {
  return db.platform.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true, sector: true } });
}

export function listUnions() {
  return db.union.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
}

/** Staff only: workers appear to admins as a count, never as rows. */
export function listStaff() {
  return db.account.findMany({
    where: { role: { not: "WORKER" } },
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      role: true,
      username: true,
      suspendedAt: true,
      union: { select: { nameZh: true, nameEn: true } },
      platform: { select: { nameZh: true, nameEn: true } },
    },
  });
}

export function countWorkers() {
  return db.account.count({ where: { role: "WORKER" } });
}
