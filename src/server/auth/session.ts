import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getSessionAccount, type SessionAccount } from "~/features/accounts/data";
import { sessionCookieName } from "~/server/auth/config";
import { secrets } from "~/server/secrets";

/** Decodes the session cookie and checks its server-side record, once per request. */
export async function accountFromCookie(raw: string | undefined): Promise<SessionAccount | null> {
  if (!raw) return null;
  const token = await decode({ token: raw, secret: secrets.authSecret }).catch(() => null);
  if (!token || typeof token.sid !== "string") return null;
  return getSessionAccount(token.sid);
}

export const auth = cache(async (): Promise<SessionAccount | null> => {
  const jar = await cookies();
  return accountFromCookie(jar.get(sessionCookieName)?.value);
});
