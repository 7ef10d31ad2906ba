import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "~/app/_actions/session";
import { HeaderAccount } from "~/features/personal/components/header-account";

/** The same for everyone (cached pages share it); who is signed in is filled in by HeaderAccount. */
export async function AppHeader() {
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
          <HeaderAccount />
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
