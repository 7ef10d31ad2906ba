import "~/app/globals.css";
import type { Metadata, Viewport } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "~/components/app-header";
import { BottomNav } from "~/components/bottom-nav";
import { Messages } from "~/components/messages";
import { PageStateProvider } from "~/features/personal/components/page-state";
import { WorkerShellOnly } from "~/features/personal/components/worker-shell";
import { TRPCReactProvider } from "~/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline"), referrer: "no-referrer" };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#9a3412" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // No session here: public pages are cached and shared (src/scripts/lib/page-cache.mjs), so the
  // shell is the same for everyone and the personal part comes from PageStateProvider.
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations("common"), getFormatter()]);
  const renderedAt = format.dateTime(new Date(), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-stone-100 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <TRPCReactProvider>
          <Messages ns={[]}>
            <PageStateProvider>
              <AppHeader />
              <main id="main" className="mx-auto max-w-xl px-4 pb-24 pt-4">
                {children}
                <p className="mt-6 text-xs text-stone-600" data-testid="page-updated">
                  {t("pageUpdatedAt", { time: renderedAt })}
                </p>
              </main>
              <WorkerShellOnly>
                <BottomNav />
              </WorkerShellOnly>
            </PageStateProvider>
          </Messages>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
