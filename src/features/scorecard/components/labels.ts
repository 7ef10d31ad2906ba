import { createTranslator } from "use-intl/core";
import type { Locale } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";
import type { Level, Principle, Threshold } from "~/features/scorecard/method";
import type { ScoreScope } from "~/features/scorecard/types";

// The scorecard's components are plain synchronous components that take their translators as
// props, so the pages, the submission document and the tests render them the same way.

export const scoreTranslator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale), namespace: "scorecard" });
export const taxonomyTranslator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale), namespace: "taxonomy" });
export type ScoreT = ReturnType<typeof scoreTranslator>;
export type TaxonomyT = ReturnType<typeof taxonomyTranslator>;
export type Texts = { t: ScoreT; tx: TaxonomyT; locale: Locale };
export const textsFor = (locale: Locale): Texts => ({ t: scoreTranslator(locale), tx: taxonomyTranslator(locale), locale });

export const METHOD_PAGE = "/scorecard/method";
/** The methodology page's anchor of a threshold: its id is the threshold id ("pay.basic"). */
export const methodHref = (threshold: Threshold["id"]) => `${METHOD_PAGE}#${threshold}`;

/**
 * Where the figures behind a point are published: representation comes from the platform's
 * public record (its answers and the workers' verdicts on its commitments), the other four from
 * its condition statistics over the same sealed quarters; a city x sector scope points at the
 * city's row there, the smallest published figure that contains it.
 */
export function figuresHref(slug: string, principle: Principle, level: Level, scope: ScoreScope): string {
  if (principle === "representation") return `/platforms/${slug}#${level === "basic" ? "responses" : "commitments"}`;
  return `/platforms/${slug}/conditions${scope.city ? `#city-${scope.city}` : ""}`;
}

export function scopeTitle({ t, tx }: Texts, scope: ScoreScope): string {
  if (!scope.city || !scope.sector) return t("overall");
  return t("scope", { city: tx(`city.${scope.city}` as never), sector: tx(`sector.${scope.sector}` as never) });
}

/** A DOM id part from a scope: "overall" or "shanghai-delivery". */
export const scopeKey = (scope: ScoreScope) => (scope.city && scope.sector ? `${scope.city}-${scope.sector}` : "overall");
