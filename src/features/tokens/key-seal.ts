import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { secrets } from "~/server/secrets";

// A campaign's private signing key at rest: AES-256-GCM under a key derived from TOKEN_KEY,
// which lives outside the database (src/server/secret-files.js), so a dump or backup alone
// cannot issue tokens. The campaign id is authenticated with it: a sealed key copied onto
// another campaign's row does not open. Format "v1:" + base64url(iv | tag | ciphertext).
const PREFIX = "v1:";

let key: Buffer | undefined;
function aesKey() {
  return (key ??= Buffer.from(hkdfSync("sha256", secrets.tokenKey, "", "worker-voice/token-key-seal/v1", 32)));
}
const aad = (campaignId: string) => Buffer.from(`worker-voice campaign token key v1\u0000${campaignId}`);

export function sealSigningKey(campaignId: string, pkcs8: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(), iv).setAAD(aad(campaignId));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openSigningKey(campaignId: string, sealed: string): Buffer {
  if (!sealed.startsWith(PREFIX)) throw new Error("unknown sealed key format");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", aesKey(), raw.subarray(0, 12)).setAAD(aad(campaignId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}
