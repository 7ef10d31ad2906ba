import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { secrets } from "~/server/secrets";
import { TtlCache } from "~/server/ttl-cache";
import type { Sector } from "~/server/db/generated/enums";

// A worker's profile (sectors, platforms, city) is copied onto their acts for k=5 breakdowns, so
// it must not sit in clear on Account too: a rare city x platform x sector would join the act to
// the account (issue 11, way 1). It is stored AES-256-GCM sealed under a key derived from
// PROFILE_KEY (outside the database) with a random IV, so equal profiles give unequal blobs, and
// padded to one length, so the blob's size says nothing either. Every reader goes through
// getWorkerProfile (data.ts); sealing and opening cost microseconds.

export type WorkerProfile = { sectors: Sector[]; platformSlugs: string[]; city: string | null };
export const EMPTY_PROFILE: WorkerProfile = { sectors: [], platformSlugs: [], city: null };

const PREFIX = "v1:";
const AAD = Buffer.from("worker-voice worker profile v1");
/** Longer than the largest profile the schema admits (12 slugs of 40 characters, 8 sectors, a city). */
const PADDED = 768;

let key: Buffer | undefined;
const aesKey = () => (key ??= Buffer.from(hkdfSync("sha256", secrets.profileKey, "", "worker-voice/profile-seal/v1", 32)));

export function sealProfile(profile: WorkerProfile): string {
  const json = JSON.stringify({ s: profile.sectors, p: profile.platformSlugs, c: profile.city });
  const plain = Buffer.alloc(PADDED, " ");
  if (plain.write(json, "utf8") < Buffer.byteLength(json)) throw new Error("profile too long to seal");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(), iv).setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openProfile(sealed: string | null): WorkerProfile {
  if (!sealed?.startsWith(PREFIX)) return EMPTY_PROFILE;
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", aesKey(), raw.subarray(0, 12)).setAAD(AAD);
  decipher.setAuthTag(raw.subarray(12, 28));
  const parsed = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as { s: Sector[]; p: string[]; c: string | null };
  return { sectors: parsed.s, platformSlugs: parsed.p, city: parsed.c };
}

// Opened profiles, per process: the session check of a signed-in request reads the sealed column
// in its own query and primes this cache (and keeps it primed while its session is cached), so a
// ballot or signature right after needs no second round trip. An update in this process replaces
// the entry at once; in another process the session listener evicts it with the session (a
// change to the sealed column is a change to the session check), or the TTL ends it. Kept on
// globalThis so route handlers and pages share it.
const PROFILE_CACHE_MS = 5_000;
const globalForProfiles = globalThis as unknown as { wvProfiles?: TtlCache<string, WorkerProfile> };
const profiles = (globalForProfiles.wvProfiles ??= new TtlCache<string, WorkerProfile>(20_000, PROFILE_CACHE_MS));

/** A cached profile, if this process opened it within the TTL (getWorkerProfile in data.ts reads). */
export const cachedWorkerProfile = (accountId: string) => profiles.get(accountId);
export const profileCacheGeneration = () => profiles.generation;
export function cacheWorkerProfile(accountId: string, profile: WorkerProfile, generation: number) {
  profiles.set(accountId, profile, { ifGeneration: generation });
}

/** Called by the session check with the sealed column it already read; gives the opened profile (null: none sealed). */
export function primeWorkerProfile(accountId: string, sealed: string | null): WorkerProfile | null {
  if (sealed === null) return null;
  const profile = openProfile(sealed);
  profiles.set(accountId, profile);
  return profile;
}

/**
 * Called by a session check answered from memory with the profile read beside the session: kept
 * unless this process holds one already (which is as new, or newer: rememberWorkerProfile).
 */
export function keepWorkerProfile(accountId: string, profile: WorkerProfile) {
  if (!profiles.get(accountId)) profiles.set(accountId, profile);
}

/** When the account's session check changed in another process (the session listener): read afresh next time. */
export function forgetWorkerProfile(accountId: string) {
  profiles.delete(accountId);
}

/** After this process changed a profile. */
export function rememberWorkerProfile(accountId: string, profile: WorkerProfile) {
  profiles.set(accountId, profile);
}

/** The profiles of many accounts at once (notifications to a campaign's followers in scope). */
export function openProfiles(rows: { accountId: string; profileSealed: string | null }[]) {
  return rows.map((r) => ({ accountId: r.accountId, profile: openProfile(r.profileSealed) }));
}
