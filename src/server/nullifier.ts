import "server-only";
import { createHmac } from "node:crypto";
import { secrets } from "~/server/secrets";
import { nullifierSubject } from "~/server/legacy-account-ids";

/**
 * Per-context keyed hash of an account (PRIVACY.md P3). A report, ballot or signature stores
 * this instead of the account id: it enforces one-per-person through a unique constraint and
 * lets the worker find their own entry, yet a database dump alone cannot link it to an account
 * or to the same account's entries in other contexts.
 * An account re-keyed from a cuid v1 keeps its nullifiers: they hash its old id, recovered from
 * the new one (src/server/legacy-account-ids.ts).
 */
export function nullifier(context: string, accountId: string, scopeId: string): string {
  return createHmac("sha256", secrets.nullifierKey).update(`${context}\u0000${nullifierSubject(accountId, secrets.nullifierKey)}\u0000${scopeId}`).digest("base64url");
}
