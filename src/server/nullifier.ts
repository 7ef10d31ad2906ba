import "server-only";
import { createHmac } from "node:crypto";
import { secrets } from "~/server/secrets";

/**
 * Per-context keyed hash of an account (PRIVACY.md P3). A report, ballot or signature stores
 * this instead of the account id: it enforces one-per-person through a unique constraint and
 * lets the worker find their own entry, yet a database dump alone cannot link it to an account
 * or to the same account's entries in other contexts.
 */
export function nullifier(context: string, accountId: string, scopeId: string): string {
  return createHmac("sha256", secrets.nullifierKey).update(`${context}\u0000${accountId}\u0000${scopeId}`).digest("base64url");
}
