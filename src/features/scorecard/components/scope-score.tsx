import { sharePct } from "~/features/verification/credibility";
import type { ScopeScore } from "~/features/scorecard/types";
import { METHOD_PAGE, scopeKey, scopeTitle, type Texts } from "~/features/scorecard/components/labels";
import { PrinciplePoints } from "~/features/scorecard/components/principle-points";

/** "2025-Q4 to 2026-Q3" from the quarters, newest first as the read model gives them. */
export function quartersText({ t }: Texts, quarters: readonly string[]): string {
  if (quarters.length === 0) return t("noQuarters");
  return t("quarters", { from: quarters[quarters.length - 1]!, to: quarters[0]! });
}

/** The total out of 10, or "not enough reports": never a partial sum that looks like a score. */
export function TotalText({ texts, total }: { texts: Texts; total: number | null }) {
  return <>{total === null ? texts.t("notEnough") : texts.t("total", { total })}</>;
}

/** What made a score: its sealed quarters, method version, reports and their verified share. */
export function Provenance({ texts, score }: { texts: Texts; score: ScopeScore }) {
  const { t, locale } = texts;
  return (
    <ul className="space-y-0.5 text-sm text-stone-700">
      <li data-testid="score-quarters">{quartersText(texts, score.quarters)}</li>
      <li>
        <a href={METHOD_PAGE} className="font-medium text-blue-800 underline underline-offset-2">
          {t("method", { version: score.card.methodVersion })}
        </a>
      </li>
      <li data-testid="score-reports">{t("reports", { count: score.reports })}</li>
      <li>{score.verifiedShare === null || score.reports === 0 ? t("verifiedHidden") : t("verified", { share: sharePct(score.verifiedShare, score.reports, locale) })}</li>
    </ul>
  );
}

/** One scope's scorecard: total, provenance, then the five principles. */
export function ScopeScoreCard({ texts, slug, score, level = 3 }: { texts: Texts; slug: string; score: ScopeScore; level?: 3 | 4 }) {
  const { t } = texts;
  const Heading = level === 3 ? "h3" : "h4";
  const id = `scorecard-${scopeKey(score)}`;
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={id}>
      <Heading id={id} className="text-lg font-bold">
        {scopeTitle(texts, score)}
      </Heading>
      <p>
        <span className="text-sm font-medium">{t("totalLabel")}: </span>
        <strong className="text-2xl" data-testid="score-total">
          <TotalText texts={texts} total={score.card.total} />
        </strong>
      </p>
      {score.card.total === null ? <p className="text-sm">{t("notEnoughTotal")}</p> : null}
      <Provenance texts={texts} score={score} />
      <PrinciplePoints texts={texts} slug={slug} scope={score} principles={score.card.principles} />
    </section>
  );
}
