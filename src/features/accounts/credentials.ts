import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { Secret, TOTP } from "otpauth";

// Crockford base32: no I, L, O, U, so a key copied by hand survives ambiguous glyphs.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A random string of `chars` Crockford base32 characters (5 bits each). */
export function randomToken(chars: number): string {
  return base32(randomBytes(Math.ceil((chars * 5) / 8)), chars);
}

// Account key = 10-character lookup (public half, unique index) + 26-character secret
// (130 bits, stored only as an argon2id hash). Shown as groups of four for copying by hand.
const LOOKUP_CHARS = 10;
const SECRET_CHARS = 26;

export function generateAccountKey() {
  const lookup = randomToken(LOOKUP_CHARS);
  const secret = randomToken(SECRET_CHARS);
  const key = (lookup + secret).match(/.{1,4}/g)!.join("-");
  return { key, lookup, secret };
}

export function parseAccountKey(input: string): { lookup: string; secret: string } | null {
  const normalised = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (normalised.length !== LOOKUP_CHARS + SECRET_CHARS) return null;
  if ([...normalised].some((c) => !ALPHABET.includes(c))) return null;
  return { lookup: normalised.slice(0, LOOKUP_CHARS), secret: normalised.slice(LOOKUP_CHARS) };
}

// OWASP's argon2id baseline (19 MiB, 2 passes): slow enough to make offline guessing of
// passwords costly, cheap enough for a 2-core server to sign in a crowd.
// algorithm 2 is Argon2id (a const enum in the typings, unusable under verbatimModuleSyntax).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON);
}

export function verifySecret(stored: string, secret: string): Promise<boolean> {
  return verify(stored, secret).catch(() => false);
}

/** A hash of nothing anyone knows, verified when an account is missing so timing tells nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashSecret(randomToken(26)));
}

const strength = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export const MIN_PASSWORD_LENGTH = 12;

/** At least 12 characters and not guessable from common-password dictionaries (zxcvbn score 3+). */
export function isStrongPassword(password: string, userInputs: string[] = []): boolean {
  if (password.length < MIN_PASSWORD_LENGTH) return false;
  return strength.check(password, userInputs).score >= 3;
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "Worker Voice") {
  return new TOTP({ issuer: "Worker Voice", label, secret: Secret.fromBase32(secret), digits: 6, period: 30 });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/**
 * The 30-second step the code belongs to (current, or one either side for clock drift), or
 * null. The caller must still claim the step once (see signInStaff): a code is a one-time password.
 */
export function checkTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

/** Checked when an account has no TOTP (or does not exist), so every attempt costs the same. */
export const DECOY_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
