import { PRINCIPLES } from "~/features/scorecard/method";
import type { LeagueRow } from "~/features/scorecard/types";
import type { Texts } from "~/features/scorecard/components/labels";
import { quartersText, TotalText } from "~/features/scorecard/components/scope-score";

/**
 * Every platform's overall score, one card per platform (a phone has no room for a seven-column
 * table), in the order the read model gives.
 */
export function LeagueTable({ texts, rows }: { texts: Texts; rows: LeagueRow[] }) {
  const { t, locale } = texts;
  if (rows.length === 0) return <p data-testid="league-empty">{t("league.none")}</p>;
  return (
    <ol className="space-y-3" data-testid="league-table">
      {rows.map((r) => {
        const name = locale === "en" ? r.nameEn : r.nameZh;
        const { card } = r.overall;
        return (
          <li key={r.platformId} className="space-y-2 rounded-xl border border-stone-300 bg-white p-4 shadow-sm" data-testid={`league-${r.slug}`}>
            <h2 className="flex flex-wrap items-baseline justify-between gap-2">
              <a href={`/platforms/${r.slug}#scorecard`} className="inline-flex min-h-11 items-center text-lg font-bold text-blue-900 underline underline-offset-2">
                {name}
                <span className="sr-only"> – {t("league.open", { name })}</span>
              </a>
              <strong className="text-xl" data-testid="league-total">
                <TotalText texts={texts} total={card.total} />
              </strong>
            </h2>
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 text-sm">
              {PRINCIPLES.map((p) => (
                <div key={p} className="contents" data-testid={`league-${r.slug}-${p}`} data-points={card.principles[p].points ?? "none"}>
                  <dt>{t(`principle.${p}`)}</dt>
                  <dd className="text-right font-semibold">{card.principles[p].points === null ? t("notEnough") : t("points", { points: card.principles[p].points })}</dd>
                </div>
              ))}
            </dl>
            <p className="text-sm text-stone-700">
              {quartersText(texts, r.overall.quarters)} · {t("reports", { count: r.overall.reports })} · {t("method", { version: card.methodVersion })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
