import { createTranslator } from "use-intl/core";
import type { Locale } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";

// The method section of the document, written once in each language and stored in the
// version, so a reader in either language sees exactly what was published. The ranking and
// tie-break rule is the campaign results page's own sentence (campaigns.results.rule), the
// same rule rankStandings applies.

export type MethodCampaign = {
  scopePlatforms: { nameZh: string; nameEn: string }[];
  scopeSectors: string[];
  scopeCities: string[];
  verifiedOnly: boolean;
  proposingFrom: string;
  votingFrom: string;
  closesOn: string;
};

type Bilingual = { zh: string; en: string };

function both(fn: (locale: Locale) => string): Bilingual {
  return { zh: fn("zh-CN"), en: fn("en") };
}

const translator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale) });

function who(c: MethodCampaign, locale: Locale): string {
  const t = translator(locale);
  const list = (items: string[]) => items.join(t("submissions.method.listSep"));
  const parts = [
    c.scopePlatforms.length ? t("submissions.method.onPlatforms", { list: list(c.scopePlatforms.map((p) => (locale === "en" ? p.nameEn : p.nameZh))) }) : null,
    c.scopeSectors.length ? t("submissions.method.inSectors", { list: list(c.scopeSectors.map((s) => t(`taxonomy.sector.${s}` as never))) }) : null,
    c.scopeCities.length ? t("submissions.method.inCities", { list: list(c.scopeCities.map((s) => t(`taxonomy.city.${s}` as never))) }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? t("submissions.method.scoped", { parts: parts.join(locale === "en" ? " " : "、") }) : t("submissions.method.everyone");
}

export function methodTexts(c: MethodCampaign) {
  return {
    eligibility: both((locale) => {
      const t = translator(locale);
      return t("submissions.method.eligibility", {
        who: who(c, locale),
        verified: t(c.verifiedOnly ? "submissions.method.verifiedOnly" : "submissions.method.openToAll"),
        proposing: c.proposingFrom,
        voting: c.votingFrom,
        closes: c.closesOn,
      });
    }),
    counting: both((locale) => translator(locale)("submissions.method.counting")),
    tieBreak: both((locale) => translator(locale)("campaigns.results.rule")),
    counted: both((locale) => {
      const t = translator(locale);
      return t("submissions.method.counted", { ballots: t(c.verifiedOnly ? "submissions.method.countedVerified" : "submissions.method.countedAll") });
    }),
  };
}
