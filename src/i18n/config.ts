import { localeFromAcceptLanguage as fromAcceptLanguage } from "~/i18n/accept-language";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "wv-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Chinese when the browser prefers Chinese (or says nothing); English when it asks for English first. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  return fromAcceptLanguage(header);
}
