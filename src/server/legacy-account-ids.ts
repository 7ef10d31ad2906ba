import { createCipheriv, createDecipheriv, hkdfSync } from "node:crypto";

// Accounts made before random ids had cuid v1 ids: a millisecond timestamp and a per-process
// counter that lined an account up with the demand it proposed seconds later. Their nullifiers
// (HMAC of the account id, src/server/nullifier.ts) cannot be recomputed without knowing which
// act is whose, and published documents keep those demands' cuid ids, so the account side must
// change while nullifiers stay. Each such account is re-keyed to "x" + AES-256(key, its cuid) as
// one 16-byte block (a cuid's 24 base-36 characters fit in 125 bits): a keyed permutation of a
// unique value, so the new ids look random to a reader without the key, and the server recovers
// the old id, the nullifier subject, from the id alone, with no lookup and no stored mapping.
// The key is derived from NULLIFIER_KEY, which already links every act to its account.

const CUID = /^c[0-9a-z]{24}$/;
const LEGACY = /^x[0-9a-f]{32}$/;

const keys = new Map<string, Buffer>();
function keyFor(nullifierKey: string) {
  let key = keys.get(nullifierKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", nullifierKey, "", "wv legacy account id v1", 32));
    keys.set(nullifierKey, key);
  }
  return key;
}

export const isCuid = (id: string) => CUID.test(id);

/** The new id of an account whose id was a cuid v1. */
export function legacyAccountId(cuid: string, nullifierKey: string): string {
  if (!CUID.test(cuid)) throw new Error("not a cuid v1");
  let n = 0n;
  for (const ch of cuid.slice(1)) n = n * 36n + BigInt(parseInt(ch, 36));
  const block = Buffer.from(n.toString(16).padStart(32, "0"), "hex");
  const cipher = createCipheriv("aes-256-ecb", keyFor(nullifierKey), null).setAutoPadding(false);
  return `x${Buffer.concat([cipher.update(block), cipher.final()]).toString("hex")}`;
}

/** What the account's nullifiers were computed from: its old cuid for a re-keyed account, else its id. */
export function nullifierSubject(accountId: string, nullifierKey: string): string {
  if (!LEGACY.test(accountId)) return accountId;
  const decipher = createDecipheriv("aes-256-ecb", keyFor(nullifierKey), null).setAutoPadding(false);
  const n = BigInt(`0x${Buffer.concat([decipher.update(Buffer.from(accountId.slice(1), "hex")), decipher.final()]).toString("hex")}`);
  return `c${n.toString(36).padStart(24, "0")}`;
}
