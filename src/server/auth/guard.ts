import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { withReturnTo } from "~/lib/return-to";
import type { SessionAccount } from "~/features/accounts/data";
import { auth } from "~/server/auth/session";

type Role = SessionAccount["role"];

/**
 * For pages: the signed-in account when its role is allowed, "forbidden" when it is not.
 * Anonymous visitors go to the sign-in page, which brings them back here afterwards. Pages only choose what to render: every
 * procedure they call checks the role again on the server.
 */
export async function pageAccount<R extends Role>(roles: readonly R[], signInPath: "/sign-in" | "/staff/sign-in" = "/sign-in") {
  const account = await auth();
  if (!account) redirect(withReturnTo(signInPath, (await headers()).get("x-wv-path")));
  if (!(roles as readonly Role[]).includes(account.role)) return "forbidden" as const;
  return account as SessionAccount & { role: R };
}
