import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale, signOut } from "~/app/_actions/session";
import type { SessionAccount } from "~/features/accounts/data";
import { NotificationBadge } from "~/features/notifications/components/notification-badge";

const STAFF_HOME = { ADMIN: "/admin", ORGANISER: "/organiser", PLATFORM_REP: "/platform" } as const;

export async function AppHeader({ account }: { account: SessionAccount | null }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <header className="sticky top-0 z-10 border-b border-stone-300 bg-white">
      <div className="mx-auto flex max-w-xl items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {t("appName")}
        </Link>
        <div className="flex items-center gap-2">
          {account && account.role !== "WORKER" ? (
            <>
              <Link href={STAFF_HOME[account.role]} className="min-h-11 content-center px-2 font-medium text-blue-800 underline">
                {t(`nav.${account.role === "ADMIN" ? "admin" : account.role === "ORGANISER" ? "organiser" : "platform"}`)}
              </Link>
              <form action={signOut}>
                <button type="submit" className="min-h-11 px-2 font-medium text-stone-800 underline">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          ) : null}
          {account?.role === "WORKER" ? <NotificationBadge accountId={account.accountId} /> : null}
          <form action={setLocale}>
            <input type="hidden" name="locale" value={other} />
            <button type="submit" lang={other} aria-label={t("switchToLabel")} className="min-h-11 rounded-lg border border-stone-400 px-3 font-medium">
              {t("switchTo")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
