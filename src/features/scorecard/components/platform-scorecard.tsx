import type { PlatformScorecard } from "~/features/scorecard/types";
import { METHOD_PAGE, type Texts } from "~/features/scorecard/components/labels";
import { ScopeScoreCard } from "~/features/scorecard/components/scope-score";
import { HistoryCharts } from "~/features/scorecard/components/history-chart";

const CARD = "rounded-xl border border-stone-300 bg-white p-4 shadow-sm";
const LINK = "inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-2";

/** The scorecard section of a platform's page: the whole platform, its city x sector scopes, and the history. */
export function PlatformScorecardSection({ texts, card }: { texts: Texts; card: PlatformScorecard }) {
  const { t } = texts;
  return (
    <section aria-labelledby="scorecard" className={`${CARD} space-y-3`} data-testid="scorecard">
      <h2 id="scorecard" className="text-lg font-bold">
        {t("title")}
      </h2>
      <p className="text-sm">{t("intro")}</p>
      <p className="text-sm font-medium" data-testid="score-moves">
        {t("moves")}
      </p>
      <ScopeScoreCard texts={texts} slug={card.slug} score={card.overall} />
      {card.scopes.length ? (
        <details className="rounded-lg border border-stone-300 p-2" data-testid="score-scopes">
          <summary className="min-h-11 content-center font-semibold">{t("scopes")}</summary>
          <p className="text-sm text-stone-700">{t("scopesNote")}</p>
          <div className="space-y-4 divide-y divide-stone-200">
            {card.scopes.map((s) => (
              <ScopeScoreCard key={`${s.city}-${s.sector}`} texts={texts} slug={card.slug} score={s} level={4} />
            ))}
          </div>
        </details>
      ) : null}
      <HistoryCharts texts={texts} card={card} />
      <p className="text-sm text-stone-700">{t("resists")}</p>
      <ul>
        <li>
          <a href={METHOD_PAGE} className={LINK}>
            {t("methodLink")}
          </a>
        </li>
        <li>
          <a href="/scorecard" className={LINK}>
            {t("league.title")}
          </a>
        </li>
        <li>
          <a href={`/api/v1/scorecards/${card.slug}`} type="application/json" className={LINK}>
            {t("openData")}
          </a>
        </li>
      </ul>
    </section>
  );
}
