import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getSessionAccount, type SessionAccount } from "~/features/accounts/data";
import { sessionCookieName } from "~/server/auth/cookies";
import { secrets } from "~/server/secrets";

// Reading a session from a request's cookie header, with nothing request-scoped from Next: the
// hot write routes (src/server/api/hot-routes.ts) run outside Next's request context.

// next-auth's decode() derives the token key with HKDF on every call, a trip through the
// thread pool per request. The key depends only on the secret, so it is derived once here,
// exactly as next-auth 4 derives it (HKDF-SHA256, empty salt, this info string, 32 bytes) and
// tokens are decrypted as next-auth does (dir + A256GCM, 15 s clock tolerance).
const keys = new Map<string, Uint8Array>();
export function tokenKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** The payload of a session token made by next-auth with `secret`, or null when it is not one. */
export async function decodeSessionToken(raw: string, secret = secrets.authSecret) {
  try {
    const { payload } = await jwtDecrypt(raw, tokenKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}

/** Decodes the session cookie and checks its server-side record, once per request. */
export async function accountFromCookie(raw: string | undefined): Promise<SessionAccount | null> {
  if (!raw) return null;
  const token = await decodeSessionToken(raw);
  if (!token || typeof token.sid !== "string") return null;
  return getSessionAccount(token.sid);
}

const cookiePattern = new RegExp(`(?:^|; )${sessionCookieName.replace(/\./g, "\\.")}=([^;]+)`);

/** For route handlers: the account behind the request's session cookie, if any. */
export function accountFromHeaders(headers: Headers): Promise<SessionAccount | null> {
  const raw = headers.get("cookie")?.match(cookiePattern)?.[1];
  return accountFromCookie(raw ? decodeURIComponent(raw) : undefined);
}

