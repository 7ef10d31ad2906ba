import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { getPetitionCounts } from "~/features/petitions/signatures/data";
import type { SessionAccount } from "~/features/accounts/data";
import { callerFor, makeWorker } from "~/test/factories";
import { sponsoredPetition } from "~/test/petition-factories";
import { writerFor } from "~/test/write-client";

const code = (err: unknown) => (err instanceof AppError ? err.code : ((err as { cause?: AppError }).cause?.code ?? (err as { code?: string }).code));

/** Workers checked in person: the organiser hands each a single-use code, they redeem it. */
async function verifiedWorkers(organiser: SessionAccount, n: number) {
  const { codes } = await callerFor(organiser).verification.createCodes({ count: n, days: 14 });
  const workers = [];
  for (const c of codes) {
    const w = (await makeWorker()).account;
    await callerFor(w).verification.redeem({ code: c.code });
    workers.push(w);
  }
  return workers;
}

const storedSignatures = (petitionId: string) => db.petitionSignature.count({ where: { petitionId } });

describe("the verified part of petition counts", () => {
  it("a verified-only petition refuses unverified signers, storing nothing, and counts all as verified", async () => {
    const p = await sponsoredPetition();
    const org = callerFor(p.organiser);
    await org.petitions.setVerifiedOnly({ petitionId: p.id, verifiedOnly: true });
    await org.petitions.moderate({ petitionId: p.id, decision: "PUBLISH", threshold: 100 });
    // Frozen once published: no signature may have been counted under the other rule.
    expect(await org.petitions.setVerifiedOnly({ petitionId: p.id, verifiedOnly: false }).catch(code)).toBe("PETITION_FROZEN");

    const stranger = (await makeWorker()).account;
    const refused = await Promise.all(Array.from({ length: 20 }, () => writerFor(stranger).petitions.sign({ petitionId: p.id }).catch(code)));
    expect(new Set(refused)).toEqual(new Set(["NOT_VERIFIED"]));
    expect(await storedSignatures(p.id)).toBe(0);

    for (const w of await verifiedWorkers(p.organiser, 5)) await writerFor(w).petitions.sign({ petitionId: p.id });
    const counts = await getPetitionCounts(p.id);
    expect(counts.shown).toBe(5);
    expect(counts.credibility).toEqual({ kind: "allVerified" });
    expect((await callerFor(null).petitions.get({ petitionId: p.id })).verifiedOnly).toBe(true);
  });

  it("an open petition shows the verified part in steps: one verified signer or withdrawal moves nothing", async () => {
    const p = await sponsoredPetition();
    await callerFor(p.organiser).petitions.moderate({ petitionId: p.id, decision: "PUBLISH", threshold: 100 });
    const verified = await verifiedWorkers(p.organiser, 5);
    const others = await Promise.all(Array.from({ length: 10 }, async () => (await makeWorker()).account));
    for (const w of others.slice(0, 6)) await writerFor(w).petitions.sign({ petitionId: p.id });
    for (const w of verified.slice(0, 4)) await writerFor(w).petitions.sign({ petitionId: p.id });
    expect((await callerFor(null).petitions.counts({ petitionId: p.id })).credibility).toEqual({ kind: "fewVerified" });

    // The fifth verified signer: the part shown beside the live total does not move (recipe 1).
    await writerFor(verified[4]!).petitions.sign({ petitionId: p.id });
    expect(await callerFor(null).petitions.counts({ petitionId: p.id })).toMatchObject({ shown: 11, credibility: { kind: "fewVerified" } });
    // After 5 or more signers since the last release it does, by a step of 5.
    for (const w of others.slice(6)) await writerFor(w).petitions.sign({ petitionId: p.id });
    expect(await callerFor(null).petitions.counts({ petitionId: p.id })).toMatchObject({ shown: 15, credibility: { kind: "share", verified: 5 } });
    // The counter equals the stored verified signatures, and a withdrawal takes its part along;
    // the shown part waits for the next release.
    await writerFor(verified[0]!).petitions.withdraw({ petitionId: p.id });
    const rows = await db.petitionTally.aggregate({ where: { petitionId: p.id, dimension: "verified" }, _sum: { count: true } });
    expect(rows._sum.count).toBe(4);
    expect((await getPetitionCounts(p.id)).credibility).toMatchObject({ kind: "share", verified: 5 });
  });

  it("keeps the verified counter right without a flag on the signature, also when the signer was verified after signing", async () => {
    const p = await sponsoredPetition();
    await callerFor(p.organiser).petitions.moderate({ petitionId: p.id, decision: "PUBLISH", threshold: 100 });
    const verifiedCount = async () => (await db.petitionTally.aggregate({ where: { petitionId: p.id, dimension: "verified" }, _sum: { count: true } }))._sum.count ?? 0;
    const [early] = await verifiedWorkers(p.organiser, 1);
    await writerFor(early!).petitions.sign({ petitionId: p.id });
    const late = (await makeWorker()).account;
    await writerFor(late).petitions.sign({ petitionId: p.id });
    expect(await verifiedCount()).toBe(1);
    // Verified after signing: the signature was counted unverified, so its withdrawal takes nothing from the verified part.
    const { codes } = await callerFor(p.organiser).verification.createCodes({ count: 1, days: 14 });
    await callerFor(late).verification.redeem({ code: codes[0]!.code });
    await writerFor(late).petitions.withdraw({ petitionId: p.id });
    expect(await verifiedCount()).toBe(1);
    await writerFor(early!).petitions.withdraw({ petitionId: p.id });
    expect(await verifiedCount()).toBe(0);
    // The act says nothing about verification a dump could read.
    const columns = await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'PetitionSignature'`;
    expect(columns.map((c) => c.column_name)).not.toContain("verified");
  });

  it("lets only organisers choose, and refuses an unknown petition", async () => {
    const p = await sponsoredPetition();
    expect(await callerFor(p.starter).petitions.setVerifiedOnly({ petitionId: p.id, verifiedOnly: true }).catch(code)).toBe("FORBIDDEN");
    expect(await callerFor(p.organiser).petitions.setVerifiedOnly({ petitionId: "no-such-petition", verifiedOnly: true }).catch(code)).toBe("NOT_FOUND");
    expect((await db.petition.findUniqueOrThrow({ where: { id: p.id }, select: { verifiedOnly: true } })).verifiedOnly).toBe(false);
  });
});
