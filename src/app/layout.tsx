import "~/app/globals.css";
import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "~/components/app-header";
import { BottomNav } from "~/components/bottom-nav";
import { Messages } from "~/components/messages";
import { auth } from "~/server/auth/session";
import { TRPCReactProvider } from "~/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline"), referrer: "no-referrer" };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#9a3412" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, account, t] = await Promise.all([getLocale(), auth(), getTranslations("common")]);
  const workerShell = !account || account.role === "WORKER";
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-stone-100 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <AppHeader account={account} />
        <TRPCReactProvider>
          <Messages ns={[]}>
            <main id="main" className={`mx-auto max-w-xl px-4 pt-4 ${workerShell ? "pb-24" : "pb-8"}`}>
              {children}
            </main>
          </Messages>
        </TRPCReactProvider>
        {workerShell ? <BottomNav /> : null}
      </body>
    </html>
  );
}
