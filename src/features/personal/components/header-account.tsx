"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "~/app/_actions/session";
import { usePageState } from "~/features/personal/components/page-state";

const STAFF_HOME = { ADMIN: "/admin", ORGANISER: "/organiser", PLATFORM_REP: "/platform" } as const;
const STAFF_LABEL = { ADMIN: "nav.admin", ORGANISER: "nav.organiser", PLATFORM_REP: "nav.platform" } as const;

/** The header's personal part: staff links and sign-out, or a worker's bell. Empty until known. */
export function HeaderAccount() {
  const t = useTranslations("common");
  const state = usePageState();
  const account = state?.account;
  if (!account) return null;
  if (account.role === "WORKER") {
    const unread = state.unread ?? 0;
    return (
      <Link href="/notifications" aria-label={t("nav.bell", { count: unread })} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-stone-800" data-testid="notification-badge">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span className="absolute right-0 top-0 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold text-white" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
    );
  }
  return (
    <>
      <Link href={STAFF_HOME[account.role]} className="min-h-11 content-center px-2 font-medium text-blue-800 underline">
        {t(STAFF_LABEL[account.role])}
      </Link>
      <form action={signOut}>
        <button type="submit" className="min-h-11 px-2 font-medium text-stone-800 underline">
          {t("nav.signOut")}
        </button>
      </form>
    </>
  );
}
