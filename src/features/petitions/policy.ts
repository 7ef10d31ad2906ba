import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { secrets } from "~/server/secrets";
import { nullifier } from "~/server/nullifier";
import { chinaToday } from "~/lib/days";

// Who may do what with a petition, and the keyed hashes that stand in for accounts (P3).

/**
 * One per petition (issue 11, way 7): a starter's petitions share no value, so they cannot be
 * linked to each other. "o1:" marks the form (older rows were one key per starter, re-keyed at
 * start by src/scripts/seal-worker-records.ts).
 */
export const OWNER_KEY_PREFIX = "o1:";
export const ownerKeyOf = (accountId: string, petitionId: string) => OWNER_KEY_PREFIX + nullifier("petition-owner", accountId, petitionId);
/** The per-starter key rows had before, for the re-keying step only. */
export const legacyOwnerKeyOf = (accountId: string) => nullifier("petition-owner", accountId, "starter");
export const sponsorNullifier = (accountId: string, petitionId: string) => nullifier("sponsor", accountId, petitionId);
export const signatureNullifier = (accountId: string, petitionId: string) => nullifier("signature", accountId, petitionId);

/**
 * What a signature stores instead of a verified flag: this keyed tag when it was counted in the
 * "verified" tally, 16 random bytes otherwise (signatureTags). Both are 22 base64url characters,
 * so only the key tells them apart; withdrawal compares and takes back exactly what was added.
 */
export function verifiedSignatureTag(signatureNullifier: string) {
  return createHmac("sha256", secrets.nullifierKey).update(`signature-verified\u0000${signatureNullifier}`).digest("base64url").slice(0, 22);
}
export const unverifiedSignatureTag = () => randomBytes(16).toString("base64url");

/** The private sponsor link's token: derived, so it needs no column and cannot be guessed. */
export function sponsorToken(petitionId: string) {
  return createHmac("sha256", secrets.nullifierKey).update(`sponsor-link\u0000${petitionId}`).digest("base64url").slice(0, 32);
}

export type PetitionPhase = "GATHERING_SPONSORS" | "PENDING_MODERATION" | "OPEN" | "CLOSED" | "REJECTED";

export function phaseOf(p: { status: string; closesOn: Date | null }, today = chinaToday()): PetitionPhase {
  if (p.status === "PUBLISHED") return p.closesOn && p.closesOn.getTime() >= today.getTime() ? "OPEN" : "CLOSED";
  return p.status as PetitionPhase;
}

export const isPublic = (p: { status: string }) => p.status === "PUBLISHED" || p.status === "REJECTED";

/**
 * Who can see a petition that is not public yet: its starter and the organisers of the union
 * that moderates it (P7; `moderatesIt` from the moderation rule). Sponsors use the link.
 */
export function canSeeUnpublished(p: { id: string; status: string; ownerKey: string }, viewer: { accountId: string; role: string } | null, moderatesIt = false) {
  if (isPublic(p)) return true;
  if (!viewer) return false;
  return (viewer.role === "ORGANISER" && moderatesIt) || (viewer.role === "WORKER" && p.ownerKey === ownerKeyOf(viewer.accountId, p.id));
}
