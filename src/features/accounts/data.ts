import "server-only";
import { db, hotSql, primaryConnectionString } from "~/server/db";
import { listenForSessionChanges, sessionEventsEpoch, vouchedFor } from "~/server/cluster/session-events";
import type { Sector } from "~/server/db/generated/enums";
import { TtlCache } from "~/server/ttl-cache";
import { hashSessionId } from "~/features/accounts/session-id";
import { chinaDayEnd, parseDay } from "~/lib/days";
import {
  cachedWorkerProfile,
  cacheWorkerProfile,
  forgetWorkerProfile,
  keepWorkerProfile,
  openProfile,
  primeWorkerProfile,
  profileCacheGeneration,
  type WorkerProfile,
} from "~/features/accounts/profile-seal";

export type SessionAccount = {
  sessionId: string;
  accountId: string;
  role: "WORKER" | "ORGANISER" | "PLATFORM_REP" | "ADMIN";
  pseudonym: string;
  unionId: string | null;
  platformId: string | null;
};

// Every signed-in request checks its session. A hit in this per-process cache skips the
// database. Sign-out and suspension evict the entries at once in the process that handles them
// (forgetSession, forgetAccountSessions); every other change reaches every process through the
// session listener (src/server/cluster/session-events.ts), which evicts the session by its hash.
// An entry is trusted for SESSION_CACHE_MS (1 s, the bound issue 15 sets for several instances)
// on its own, and for up to SESSION_TRUST_MS while the listener vouches that no change has been
// missed; never past the session's last day. So an instance serves a signed-out or suspended
// session for at most 1 s even when the listener is down. Keyed by the session id's hash, as the
// notifications name it. Kept on globalThis so route handlers, server actions and pages
// (separate module instances in a Next build) share it.
export const SESSION_CACHE_MS = 1_000;
export const SESSION_TRUST_MS = 10 * 60_000;
const SESSION_CACHE_MAX = 20_000;
type CachedSession = { account: SessionAccount; profile: WorkerProfile | null; readAt: number; epoch: number };
const globalForSessions = globalThis as unknown as { wvSessions?: TtlCache<string, CachedSession> };
const sessions = (globalForSessions.wvSessions ??= new TtlCache<string, CachedSession>(SESSION_CACHE_MAX, SESSION_TRUST_MS));

/** A change to a session or its account, from any process (the listener): the next check reads it again. */
function onSessionChange(idHash: string) {
  const entry = sessions.get(idHash);
  sessions.delete(idHash);
  if (entry) forgetWorkerProfile(entry.account.accountId);
}

/**
 * The account behind a live session, or null when it was signed out, expired or suspended.
 * `sessionId` is the id from the token; the row is found by its hash. Runs on every signed-in
 * request that misses the cache, so it is one prepared indexed join (hotSql); a session is
 * valid through its last day in China time (wv_today()), and the day travels as text.
 */
export async function getSessionAccount(sessionId: string): Promise<SessionAccount | null> {
  const idHash = hashSessionId(sessionId);
  const now = Date.now();
  const hit = sessions.get(idHash, now);
  if (hit && (now - hit.readAt <= SESSION_CACHE_MS || vouchedFor(hit.readAt, hit.epoch, now))) {
    // The profile came with the session row; it stays in memory as long as the session does.
    if (hit.profile) keepWorkerProfile(hit.account.accountId, hit.profile);
    return hit.account;
  }
  listenForSessionChanges(primaryConnectionString(), onSessionChange);
  const generation = sessions.generation;
  const epoch = sessionEventsEpoch();
  const rows = await hotSql<Omit<SessionAccount, "sessionId"> & { expiresOn: string; profileSealed: string | null }>`
    SELECT a."id" AS "accountId", a."role"::text AS "role", a."pseudonym", a."unionId", a."platformId", s."expiresOn"::text AS "expiresOn", a."profileSealed"
    FROM "Session" s JOIN "Account" a ON a."id" = s."accountId"
    WHERE s."idHash" = ${idHash} AND s."expiresOn" >= wv_today() AND NOT a."suspended"`;
  const row = rows[0];
  const lastDay = row ? parseDay(row.expiresOn) : null;
  if (!row || !lastDay) return null;
  // The sealed profile comes with the session row: the ballot or signature that follows reads it from memory.
  const profile = primeWorkerProfile(row.accountId, row.profileSealed);
  const account: SessionAccount = { sessionId, accountId: row.accountId, role: row.role, pseudonym: row.pseudonym, unionId: row.unionId, platformId: row.platformId };
  sessions.set(idHash, { account, profile, readAt: now, epoch }, { until: chinaDayEnd(lastDay).getTime(), ifGeneration: generation }, now);
  return account;
}

/** After a sign-out: this process stops accepting the session at once. */
export function forgetSession(sessionId: string) {
  sessions.delete(hashSessionId(sessionId));
}

/** After a suspension: every cached session of the account goes. */
export function forgetAccountSessions(accountId: string) {
  sessions.deleteWhere((entry) => entry.account.accountId === accountId);
}

/**
 * The one reader of a worker's profile (profile page, report defaults, ballots, signatures,
 * verdicts, campaign eligibility): sealed on Account (profile-seal.ts), opened here, usually from
 * the cache the session check primed. An unknown account has the empty profile.
 */
export async function getWorkerProfile(accountId: string): Promise<WorkerProfile> {
  const hit = cachedWorkerProfile(accountId);
  if (hit) return hit;
  const generation = profileCacheGeneration();
  const row = await db.account.findUnique({ where: { id: accountId }, select: { profileSealed: true } });
  const profile = openProfile(row?.profileSealed ?? null);
  if (row?.profileSealed) cacheWorkerProfile(accountId, profile, generation);
  return profile;
}

/** Every worker with their opened profile, by pseudonym: for the seed and benchmarks that load in bulk. */
export async function listWorkerProfiles() {
  const rows = await db.account.findMany({ where: { role: "WORKER" }, orderBy: { pseudonym: "asc" }, select: { id: true, profileSealed: true } });
  return rows.map((r) => ({ id: r.id, ...openProfile(r.profileSealed) }));
}

/** The worker's own page: pseudonym, profile and the unions that verified them. */
export async function getMyProfile(accountId: string) {
  const [account, profile] = await Promise.all([
    db.account.findUniqueOrThrow({ where: { id: accountId }, select: { pseudonym: true, verifications: { select: { union: { select: { nameZh: true, nameEn: true } } } } } }),
    getWorkerProfile(accountId),
  ]);
  return { ...account, ...profile };
}

/** Every platform, by slug. Read by pages such as a petition's (to name its breakdown), hence hotSql. */
export function listPlatforms() {
  return hotSql<{ id: string; slug: string; nameZh: string; nameEn: string; sector: Sector }>`
    SELECT "id", "slug", "nameZh", "nameEn", "sector"::text AS "sector" FROM "Platform" ORDER BY "slug"`;
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
      suspended: true,
      union: { select: { nameZh: true, nameEn: true } },
      platform: { select: { nameZh: true, nameEn: true } },
    },
  });
}

export function countWorkers() {
  return db.account.count({ where: { role: "WORKER" } });
}
