import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getSessionAccount, type SessionAccount } from "~/features/accounts/data";
import { sessionCookieName } from "~/server/auth/cookies";
import { secrets } from "~/server/secrets";
import { TtlCache } from "~/server/ttl-cache";

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

// Decrypting the cookie (AES-GCM through jose) is a few percent of a hot write's CPU, and a
// worker's phone sends the same cookie with every request. A decrypted token depends only on
// its bytes and the secret, so the session id is remembered per cookie value until the token's
// own expiry (with the same clock tolerance), at most TOKEN_CACHE_MS; bounded, least recently
// used first. Nothing here says whether the session is still valid: getSessionAccount does.
const TOKEN_CACHE_MS = 10 * 60_000;
const globalForTokens = globalThis as unknown as { wvSessionTokens?: TtlCache<string, string> };
const tokens = (globalForTokens.wvSessionTokens ??= new TtlCache<string, string>(10_000, TOKEN_CACHE_MS));

async function sessionIdOf(raw: string): Promise<string | null> {
  const known = tokens.get(raw);
  if (known) return known;
  const token = await decodeSessionToken(raw);
  if (!token || typeof token.sid !== "string") return null;
  if (typeof token.exp === "number") tokens.set(raw, token.sid, { until: (token.exp + 15) * 1000 });
  return token.sid;
}

/** Decodes the session cookie and checks its server-side record, once per request. */
export async function accountFromCookie(raw: string | undefined): Promise<SessionAccount | null> {
  if (!raw) return null;
  const sid = await sessionIdOf(raw);
  return sid ? getSessionAccount(sid) : null;
}

const cookiePattern = new RegExp(`(?:^|; )${sessionCookieName.replace(/\./g, "\\.")}=([^;]+)`);

/** For route handlers: the account behind the request's session cookie, if any. */
export function accountFromHeaders(headers: Headers): Promise<SessionAccount | null> {
  const raw = headers.get("cookie")?.match(cookiePattern)?.[1];
  return accountFromCookie(raw ? decodeURIComponent(raw) : undefined);
}

