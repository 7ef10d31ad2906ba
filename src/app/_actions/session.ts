"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { isLocale, LOCALE_COOKIE } from "~/i18n/config";
import { revokeSession } from "~/features/accounts/mutations";
import { auth } from "~/server/auth/session";
import { sessionCookieName, useSecureCookies } from "~/server/auth/cookies";

export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: true, secure: useSecureCookies });
  revalidatePath("/", "layout");
}

/** Ends the session on the server (not only the cookie), so a copied cookie stops working too. */
export async function signOut() {
  const account = await auth();
  if (account) await revokeSession(account.sessionId);
  const jar = await cookies();
  jar.delete(sessionCookieName);
  jar.delete(useSecureCookies ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token");
  redirect("/");
}
