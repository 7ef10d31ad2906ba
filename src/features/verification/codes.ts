import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { secrets } from "~/server/secrets";

// Invite codes carry 120 bits of randomness (PRIVACY.md: at least 112), written in Crockford
// base32 so they survive being read aloud or typed. High entropy makes a fast hash enough.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_CHARS = 24; // 24 x 5 bits = 120 bits

export function generateInviteCode(): string {
  const bytes = randomBytes(CODE_CHARS);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** Accepts what a person types: lower case, spaces, dashes, O for 0, I/L for 1. */
export function normaliseInviteCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (clean.length !== CODE_CHARS || [...clean].some((c) => !ALPHABET.includes(c))) return null;
  return clean;
}

/**
 * What the row stores: keyed with the server's secret (issue 11, way 5), so whoever holds the
 * paper code (an organiser who noted who got it) cannot find its row in a dump.
 */
export function hashInviteCode(normalised: string): string {
  return createHmac("sha256", secrets.nullifierKey).update(`wv-invite\u0000${normalised}`).digest("base64url");
}

/** The unkeyed form stored before; accepted until those codes expire (14 days after the migration). */
export function legacyInviteCodeHash(normalised: string): string {
  return createHash("sha256").update(`wv-invite:${normalised}`).digest("hex");
}

export { MAX_CODE_DAYS } from "~/features/verification/schema";
