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

/**
 * The account behind a live session, or null when it was signed out, expired or suspended.
 * Runs on every signed-in request, so it is one raw indexed join: the same query through the
 * Prisma query compiler cost ~1 ms of CPU per request, a third of a signature's budget.
 */
export async function getSessionAccount(sessionId: string): Promise<SessionAccount | null> {
  const rows = await db.$queryRaw<
    { revokedAt: Date | null; expiresAt: Date; id: string; role: SessionAccount["role"]; pseudonym: string; unionId: string | null; platformId: string | null; suspendedAt: Date | null }[]
  >`SELECT s."revokedAt", s."expiresAt", a.id, a.role::text AS role, a.pseudonym, a."unionId", a."platformId", a."suspendedAt"
    FROM "Session" s JOIN "Account" a ON a.id = s."accountId" WHERE s.id = ${sessionId}`;
  const row = rows[0];
  if (!row || row.revokedAt || row.expiresAt < new Date() || row.suspendedAt) return null;
  return { sessionId, accountId: row.id, role: row.role, pseudonym: row.pseudonym, unionId: row.unionId, platformId: row.platformId };
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
