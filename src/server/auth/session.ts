import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { SessionAccount } from "~/features/accounts/data";
import { sessionCookieName } from "~/server/auth/cookies";
import { accountFromCookie } from "~/server/auth/session-token";

/** For pages, layouts, actions and tRPC: the account behind this request's session cookie, once per request. */
export const auth = cache(async (): Promise<SessionAccount | null> => {
  const jar = await cookies();
  return accountFromCookie(jar.get(sessionCookieName)?.value);
});
