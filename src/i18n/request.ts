import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeFromAcceptLanguage } from "~/i18n/config";
import { LOCALE_COOKIE } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";
import { CHINA_TIME_ZONE } from "~/lib/days";

export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: loadMessages(locale), timeZone: CHINA_TIME_ZONE };
});
