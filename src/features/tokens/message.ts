// The token a phone holds for a verified-only campaign (RFC 9474, suite RSABSSA-SHA384-PSS-
// Randomized): a message it chose, which the server signed blind, so the server never saw it
// before the ballot arrives. Client-safe: the phone builds the message, the server parses it.

export const TOKEN_SUITE = "RSABSSA-SHA384-PSS-Randomized" as const;
const VERSION = "wv-ballot-token/1";
/** The random prefix RFC 9474 "prepare" puts before the message in the Randomized variant. */
export const PREPARE_PREFIX = 32;
/** 2048-bit keys: blinded messages and signatures are this many bytes. */
export const MODULUS_BYTES = 256;

/** The coarse profile a token ballot may carry (shown only when 5+ token holders share it). */
export type TokenProfile = { city: string; platform: string; sector: string };
export type TokenMessage = { campaignId: string; profile: TokenProfile; nonce: string };

const FIELD = /^[^\n]{1,80}$/;

export function encodeTokenMessage(m: TokenMessage): Uint8Array {
  return new TextEncoder().encode([VERSION, m.campaignId, m.profile.city, m.profile.platform, m.profile.sector, m.nonce].join("\n"));
}

/** The message of a prepared token (prefix stripped), or null when it is not one of ours. */
export function parsePreparedToken(prepared: Uint8Array): TokenMessage | null {
  if (prepared.length <= PREPARE_PREFIX) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(prepared.subarray(PREPARE_PREFIX));
  } catch {
    return null;
  }
  const parts = text.split("\n");
  if (parts.length !== 6 || parts[0] !== VERSION || !parts.every((p) => FIELD.test(p))) return null;
  const [, campaignId, city, platform, sector, nonce] = parts as [string, string, string, string, string, string];
  return { campaignId, profile: { city, platform, sector }, nonce };
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array | null {
  // A length of 4k+1 is no base64 at all (atob throws on it): found by the route fuzzer.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
