import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has every string in both zh-CN and en", () => {
    const en = keys(loadMessages("en")).sort();
    const zh = keys(loadMessages("zh-CN")).sort();
    expect(zh).toEqual(en);
  });

  it("has no empty strings", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const flat = JSON.stringify(loadMessages(locale));
      expect(flat).not.toContain('""');
    }
  });

  it("has a translated message for every AppError code", async () => {
    const { APP_ERROR_STATUS } = await import("~/lib/app-error");
    for (const locale of ["en", "zh-CN"] as const) {
      const errors = loadMessages(locale).errors as Record<string, string>;
      for (const code of Object.keys(APP_ERROR_STATUS)) expect(errors[code], `${locale} errors.${code}`).toBeTruthy();
    }
  });
});

describe("locale detection", () => {
  it("chooses Chinese when the browser prefers it or says nothing", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("zh-CN");
  });

  it("chooses English when English ranks first", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("zh;q=0.2, en-GB;q=0.8")).toBe("en");
  });
});
