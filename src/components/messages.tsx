import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/config";
import { pickMessages, type Namespace } from "~/i18n/messages";
import { CHINA_TIME_ZONE } from "~/lib/days";

/** Gives client components below it the strings of these namespaces (plus common and errors). */
export async function Messages({ ns, children }: { ns: readonly Namespace[]; children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, ["common", "errors", ...ns])} timeZone={CHINA_TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
