import "server-only";
import { db } from "~/server/db";
import { EMPTY_PROFILE, rememberWorkerProfile, sealProfile } from "~/features/accounts/profile-seal";
import { legacyOwnerKeyOf, OWNER_KEY_PREFIX, ownerKeyOf, unverifiedSignatureTag, verifiedSignatureTag } from "~/features/petitions/policy";

// The parts of migration 20261202150000 that need a key outside the database, run after every
// `prisma migrate deploy` (src/scripts/seal-worker-records.ts). Each is idempotent and costs one
// indexed query when there is nothing left to do.

const BATCH = 500;

/** Clear profiles the migration parked in LegacyWorkerProfile, and workers with none at all, get a sealed one. */
export async function sealLegacyProfiles() {
  let sealed = 0;
  for (;;) {
    const rows = await db.legacyWorkerProfile.findMany({ take: BATCH, select: { accountId: true, sectors: true, platformSlugs: true, city: true } });
    if (rows.length === 0) break;
    await db.$transaction([
      ...rows.map((r) =>
        db.account.updateMany({ where: { id: r.accountId }, data: { profileSealed: sealProfile({ sectors: r.sectors, platformSlugs: r.platformSlugs, city: r.city }) } }),
      ),
      db.legacyWorkerProfile.deleteMany({ where: { accountId: { in: rows.map((r) => r.accountId) } } }),
    ]);
    // Normally no server runs yet; if one does in this process, it must not keep an older profile.
    for (const r of rows) rememberWorkerProfile(r.accountId, { sectors: r.sectors, platformSlugs: r.platformSlugs, city: r.city });
    sealed += rows.length;
  }
  for (;;) {
    const bare = await db.account.findMany({ where: { role: "WORKER", profileSealed: null }, take: BATCH, select: { id: true } });
    if (bare.length === 0) break;
    for (const a of bare) await db.account.updateMany({ where: { id: a.id, profileSealed: null }, data: { profileSealed: sealProfile(EMPTY_PROFILE) } });
    sealed += bare.length;
  }
  // The deleted clear rows would otherwise stay in the table's files as dead tuples.
  if (sealed > 0) await db.$executeRawUnsafe(`VACUUM "LegacyWorkerProfile"`);
  return sealed;
}

/**
 * Petitions keyed per starter (before owner keys were per petition): the old key is recomputed
 * for every worker to find each row's starter, then replaced by the per-petition key. One HMAC
 * per account, once.
 */
export async function rekeyLegacyOwners() {
  const legacy = await db.petition.findMany({ where: { NOT: { ownerKey: { startsWith: OWNER_KEY_PREFIX } } }, select: { id: true, ownerKey: true } });
  if (legacy.length === 0) return 0;
  const wanted = new Set(legacy.map((p) => p.ownerKey));
  const starters = new Map<string, string>();
  for (let cursor: string | undefined; ; ) {
    const accounts = await db.account.findMany({ where: { role: "WORKER" }, orderBy: { id: "asc" }, take: 5_000, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: { id: true } });
    for (const a of accounts) {
      const old = legacyOwnerKeyOf(a.id);
      if (wanted.has(old)) starters.set(old, a.id);
    }
    if (accounts.length < 5_000) break;
    cursor = accounts.at(-1)!.id;
  }
  let rekeyed = 0;
  for (const p of legacy) {
    const accountId = starters.get(p.ownerKey);
    // A starter whose account is gone: no one can manage the petition any more, as before.
    const ownerKey = accountId ? ownerKeyOf(accountId, p.id) : OWNER_KEY_PREFIX + "orphan:" + p.id;
    rekeyed += (await db.petition.updateMany({ where: { id: p.id, ownerKey: p.ownerKey }, data: { ownerKey } })).count;
  }
  return rekeyed;
}

/** Signatures still carrying the old flag ("legacy:1" / "legacy:0") get their withdrawal tag. */
export async function tagLegacySignatures() {
  let tagged = 0;
  for (;;) {
    const rows = await db.petitionSignature.findMany({ where: { withdrawTag: { startsWith: "legacy:" } }, take: BATCH, select: { id: true, nullifier: true, withdrawTag: true } });
    if (rows.length === 0) break;
    await db.$transaction(
      rows.map((r) =>
        db.petitionSignature.updateMany({
          where: { id: r.id, withdrawTag: r.withdrawTag },
          data: { withdrawTag: r.withdrawTag === "legacy:1" ? verifiedSignatureTag(r.nullifier) : unverifiedSignatureTag() },
        }),
      ),
    );
    tagged += rows.length;
  }
  return tagged;
}
