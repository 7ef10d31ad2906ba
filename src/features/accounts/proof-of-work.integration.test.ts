import { afterEach, describe, expect, it, vi } from "vitest";
import { createChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { webcrypto } from "node:crypto";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { hashSecret } from "~/features/accounts/credentials";
import { purgeSpentChallenges } from "~/features/accounts/mutations";
import { createJoinChallenge } from "~/features/accounts/proof-of-work";
import type { JoinProof } from "~/features/accounts/schema";
import { JOIN_POW, solveChallenge } from "~/features/accounts/solve-challenge";
import { callerFor, solvedJoinProof } from "~/test/factories";

// Counts argon2 work, to show refused proofs never reach it.
vi.mock("~/features/accounts/credentials", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/features/accounts/credentials")>();
  return { ...original, hashSecret: vi.fn(original.hashSecret) };
});

const code = (err: unknown) => (err instanceof AppError ? err.code : ((err as { cause?: AppError }).cause?.code ?? (err as Error).message));
const failure = (p: Promise<unknown>) => p.then(() => "ok", code);
const stored = async () => ({ accounts: await db.account.count(), spent: await db.spentChallenge.count() });

describe("proof of work at account creation", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is required by the public procedure", async () => {
    const before = await stored();
    await expect(callerFor(null).accounts.create(undefined as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(null).accounts.create({} as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stored()).toEqual(before);
  });

  it("is solved by the phone's WebCrypto solver within the counter range the server drew", async () => {
    const challenge = (await callerFor(null).accounts.challenge()) as JoinProof["challenge"];
    const solution = await solveChallenge(challenge, { maxCounter: JOIN_POW.maxCounter, subtle: webcrypto.subtle as SubtleCrypto });
    expect(solution!.counter).toBeGreaterThanOrEqual(JOIN_POW.minCounter);
    expect(solution!.counter).toBeLessThanOrEqual(JOIN_POW.maxCounter);
    const created = await callerFor(null).accounts.create({ challenge, solution: solution! });
    expect(created.key).toBeTruthy();
  });

  it("refuses a solved challenge used twice, storing nothing the second time", async () => {
    const proof = await solvedJoinProof();
    await callerFor(null).accounts.create(proof);
    const before = await stored();
    expect(await failure(callerFor(null).accounts.create(proof))).toBe("POW_USED");
    expect(await stored()).toEqual(before);
  });

  it("lets exactly one of 20 concurrent uses of one solution through", async () => {
    const proof = await solvedJoinProof();
    const before = await db.account.count();
    const results = await Promise.all(Array.from({ length: 20 }, () => failure(callerFor(null).accounts.create(proof))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "POW_USED")).toHaveLength(19);
    expect(await db.account.count()).toBe(before + 1);
  });

  it("refuses an expired challenge before any argon2 work", async () => {
    const proof = await solvedJoinProof();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (JOIN_POW.ttlSeconds + 1) * 1000);
    const before = await stored();
    vi.mocked(hashSecret).mockClear();
    expect(await failure(callerFor(null).accounts.create(proof))).toBe("POW_EXPIRED");
    expect(hashSecret).not.toHaveBeenCalled();
    expect(await stored()).toEqual(before);
  });

  it("refuses forged challenges and wrong solutions before any argon2 work", async () => {
    const proof = await solvedJoinProof();
    const p = proof.challenge.parameters;
    const forged: JoinProof[] = [
      // A wrong answer (the counter is not checked: the signed key is what proves the work).
      { ...proof, solution: { ...proof.solution, derivedKey: "00".repeat(32) } },
      // Easier or longer-lived parameters than the server signed.
      { ...proof, challenge: { ...proof.challenge, parameters: { ...p, expiresAt: p.expiresAt + 86_400 } } },
      { ...proof, challenge: { ...proof.challenge, parameters: { ...p, keyPrefix: "00" } } },
      { ...proof, challenge: { ...proof.challenge, signature: "ab".repeat(32) } },
    ];
    // A challenge signed with another secret, solved honestly.
    const foreign = (await createChallenge({ algorithm: "SHA-256", cost: 1, counter: 3, deriveKey, expiresAt: p.expiresAt, hmacSignatureSecret: "attacker", hmacKeySignatureSecret: "attacker2" })) as JoinProof["challenge"];
    const foreignSolution = await solveChallenge(foreign, { maxCounter: 10, subtle: webcrypto.subtle as SubtleCrypto });
    forged.push({ challenge: foreign, solution: foreignSolution! });

    const before = await stored();
    vi.mocked(hashSecret).mockClear();
    for (const bad of forged) expect(await failure(callerFor(null).accounts.create(bad))).toBe("POW_INVALID");
    expect(hashSecret).not.toHaveBeenCalled();
    expect(await stored()).toEqual(before);
    // The genuine proof still works after all that.
    await expect(callerFor(null).accounts.create(proof)).resolves.toMatchObject({ key: expect.any(String) });
  });

  it("hands out challenges that keep nothing about the asker and differ each time", async () => {
    const before = await stored();
    const [a, b] = await Promise.all([createJoinChallenge(), createJoinChallenge()]);
    expect(a.signature).not.toBe(b.signature);
    expect(Object.keys(a.parameters).sort()).toEqual(["algorithm", "cost", "expiresAt", "keyLength", "keyPrefix", "keySignature", "nonce", "salt"]);
    expect(await stored()).toEqual(before);
  });

  it("keeps spent challenges to the hour and purges them once expired", async () => {
    await callerFor(null).accounts.create(await solvedJoinProof());
    const rows = await db.spentChallenge.findMany({ select: { expiresAt: true } });
    expect(rows.every((r) => r.expiresAt.getTime() % 3_600_000 === 0)).toBe(true);
    await purgeSpentChallenges(new Date(Date.now() + 2 * 3_600_000));
    expect(await db.spentChallenge.count()).toBe(0);
  });
});
