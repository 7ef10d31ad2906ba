import "server-only";
import { createHmac } from "node:crypto";
import { secrets } from "~/server/secrets";
import { nullifier } from "~/server/nullifier";
import { chinaToday } from "~/lib/days";

// Who may do what with a petition, and the keyed hashes that stand in for accounts (P3).

/** Same for all of a starter's petitions, so "my petitions" is one indexed lookup. */
export const ownerKeyOf = (accountId: string) => nullifier("petition-owner", accountId, "starter");
export const sponsorNullifier = (accountId: string, petitionId: string) => nullifier("sponsor", accountId, petitionId);
export const signatureNullifier = (accountId: string, petitionId: string) => nullifier("signature", accountId, petitionId);

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
export function canSeeUnpublished(p: { status: string; ownerKey: string }, viewer: { accountId: string; role: string } | null, moderatesIt = false) {
  if (isPublic(p)) return true;
  if (!viewer) return false;
  return (viewer.role === "ORGANISER" && moderatesIt) || (viewer.role === "WORKER" && p.ownerKey === ownerKeyOf(viewer.accountId));
}
