import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { getWorkerProfile } from "~/features/accounts/data";
import { openProfile } from "~/features/accounts/profile-seal";
import { rekeyLegacyOwners, sealLegacyProfiles, tagLegacySignatures } from "~/features/accounts/sealing/mutations";
import { legacyOwnerKeyOf, ownerKeyOf, verifiedSignatureTag } from "~/features/petitions/policy";
import { callerFor, makePlatform, makeWorker, uid } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";
import { writerFor } from "~/test/write-client";

// The start step after migration 20261202150000: rows written before it are converted with the
// keys the migration could not use.

describe("sealing rows from before the migration", () => {
  it("seals parked clear profiles, re-keys per-starter owner keys and tags legacy signatures, once", async () => {
    const platform = await makePlatform();
    const worker = (await makeWorker()).account;
    await db.account.update({ where: { id: worker.accountId }, data: { profileSealed: null } });
    await db.legacyWorkerProfile.create({ data: { accountId: worker.accountId, city: "xian", platformSlugs: [platform.slug], sectors: ["COURIER"] } });

    const starter = (await makeWorker()).account;
    const ids = [`legacy-${uid()}`, `legacy-${uid()}`];
    for (const id of ids) {
      await db.petition.create({ data: { id, shortCode: uid(), ownerKey: legacyOwnerKeyOf(starter.accountId), title: "t", ask: "a", reason: "r", targetKind: "OTHER", targetName: "x" } });
    }

    const p = await publishedPetition();
    const signers = [(await makeWorker()).account, (await makeWorker()).account];
    for (const s of signers) await writerFor(s).petitions.sign({ petitionId: p.id });
    const rows = await db.petitionSignature.findMany({ where: { petitionId: p.id }, orderBy: { id: "asc" }, select: { id: true, nullifier: true } });
    await db.petitionSignature.update({ where: { id: rows[0]!.id }, data: { withdrawTag: "legacy:1" } });
    await db.petitionSignature.update({ where: { id: rows[1]!.id }, data: { withdrawTag: "legacy:0" } });

    expect(await sealLegacyProfiles()).toBeGreaterThanOrEqual(1);
    expect(await rekeyLegacyOwners()).toBeGreaterThanOrEqual(2);
    expect(await tagLegacySignatures()).toBeGreaterThanOrEqual(2);

    expect(await db.legacyWorkerProfile.count({ where: { accountId: worker.accountId } })).toBe(0);
    const sealed = await db.account.findUniqueOrThrow({ where: { id: worker.accountId }, select: { profileSealed: true } });
    expect(openProfile(sealed.profileSealed)).toEqual({ city: "xian", platformSlugs: [platform.slug], sectors: ["COURIER"] });
    expect(await getWorkerProfile(worker.accountId)).toMatchObject({ city: "xian" });

    const petitions = await db.petition.findMany({ where: { id: { in: ids } }, select: { id: true, ownerKey: true } });
    for (const row of petitions) expect(row.ownerKey).toBe(ownerKeyOf(starter.accountId, row.id));
    expect((await callerFor(starter).petitions.mine()).map((x) => x.id).sort()).toEqual([...ids].sort());

    const tagged = await db.petitionSignature.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" }, select: { withdrawTag: true } });
    expect(tagged[0]!.withdrawTag).toBe(verifiedSignatureTag(rows[0]!.nullifier));
    expect(tagged[1]!.withdrawTag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tagged[1]!.withdrawTag).not.toBe(verifiedSignatureTag(rows[1]!.nullifier));

    // Idempotent: a second start finds nothing to do.
    expect([await sealLegacyProfiles(), await rekeyLegacyOwners(), await tagLegacySignatures()]).toEqual([0, 0, 0]);
  });
});
