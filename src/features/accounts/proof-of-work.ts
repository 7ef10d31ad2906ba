import "server-only";
import { createHash, createHmac, randomInt } from "node:crypto";
import { createChallenge, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { AppError } from "~/lib/app-error";
import { JOIN_POW } from "~/features/accounts/solve-challenge";
import type { JoinProof } from "~/features/accounts/schema";

type JoinChallenge = JoinProof["challenge"];
import { secrets } from "~/server/secrets";

// Proof of work before a worker account is made (ALTCHA, self-hosted: no third-party request,
// nothing about the phone kept). A speed bump, not a defence: a script with native SHA-256
// solves a challenge 10 to 100 times faster than a phone, so credibility rests on verified
// counts. The challenge is HMAC-signed and carries the signed key of its secret counter
// (altcha's deterministic mode), so checking a solution costs two HMACs and no hashing work.

// Derived from the session secret, so every instance sharing AUTH_SECRET signs alike.
const secret = (label: string) => createHmac("sha256", secrets.authSecret).update(`wv-pow:${label}`).digest("base64url");

/** A fresh challenge; nothing is stored with it (no cookie, no address). */
export async function createJoinChallenge(): Promise<JoinChallenge> {
  // Signed, SHA-256 and with a key signature, as requested here: the shape joinProofSchema accepts.
  return (await createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(JOIN_POW.minCounter, JOIN_POW.maxCounter + 1),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + JOIN_POW.ttlSeconds,
    hmacSignatureSecret: secret("challenge"),
    hmacKeySignatureSecret: secret("key"),
  })) as JoinChallenge;
}

declare const verified: unique symbol;
/** A solution whose signature and work were checked; only spendChallenge turns it into an account. */
export type VerifiedProof = { spentKey: string; expiresAt: Date; readonly [verified]: true };

/** Checks a solution without storing anything; throws POW_EXPIRED or POW_INVALID. */
export async function verifyJoinProof(proof: JoinProof): Promise<VerifiedProof> {
  const result = await verifySolution({
    challenge: proof.challenge,
    solution: proof.solution,
    deriveKey,
    hmacSignatureSecret: secret("challenge"),
    hmacKeySignatureSecret: secret("key"),
  }).catch(() => null);
  if (result?.expired) throw new AppError("POW_EXPIRED");
  // A challenge without a key signature would make the server redo the work: refused too.
  if (!result?.verified || !proof.challenge.parameters.keySignature) throw new AppError("POW_INVALID");
  // Kept to the hour (rounded up, so it outlives the challenge): no finer time is stored.
  const hour = 3_600_000;
  const expiresAt = new Date(Math.ceil((proof.challenge.parameters.expiresAt * 1000) / hour) * hour);
  const spentKey = createHash("sha256").update(proof.challenge.signature).digest("base64url");
  return { spentKey, expiresAt } as VerifiedProof;
}
