import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { secrets } from "~/server/secrets";

// TOTP secrets at rest: AES-256-GCM under a key derived from TOTP_KEY, which lives outside the
// database, so a dump or backup alone cannot mint codes. Stored as
// "v1:" + base64url(iv | tag | ciphertext); the prefix names the format so a later key or
// algorithm can sit beside it, and rows written in clear before it are recognised and sealed.
const PREFIX = "v1:";
const AAD = Buffer.from("worker-voice totp secret v1");

let key: Buffer | undefined;
function aesKey() {
  return (key ??= Buffer.from(hkdfSync("sha256", secrets.totpKey, "", "worker-voice/totp-seal/v1", 32)));
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function sealTotpSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(), iv).setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The base32 secret; a legacy plaintext value (not yet sealed by the start step) passes through. */
export function openTotpSecret(stored: string): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", aesKey(), raw.subarray(0, 12)).setAAD(AAD);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
