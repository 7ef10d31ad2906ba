import { PRINCIPLES, type Level, type Principle } from "~/features/scorecard/method";
import type { PrincipleScore } from "~/features/scorecard/score";
import type { ScoreScope } from "~/features/scorecard/types";
import { figuresHref, methodHref, type Texts } from "~/features/scorecard/components/labels";

const LINK = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";

function Point({ texts, slug, scope, principle, level, result }: { texts: Texts; slug: string; scope: ScoreScope; principle: Principle; level: Level; result: PrincipleScore["basic"] }) {
  const { t } = texts;
  const awarded = result.status === "awarded";
  return (
    <div className="py-1" data-testid={`point-${result.threshold}`} data-status={result.status}>
      <dt className="text-sm">
        <span className="font-semibold">{t(level)}</span>{" "}
        <a href={methodHref(result.threshold)} className={`${LINK} inline-flex min-h-6 items-center`}>
          {t(`threshold.${result.threshold}`)}
        </a>
      </dt>
      <dd className="flex flex-wrap items-center gap-x-3">
        <span className={awarded ? "font-bold text-green-800" : "font-semibold text-stone-800"}>
          <span aria-hidden="true">{awarded ? "✓ " : "– "}</span>
          {t(`status.${result.status}`)}
        </span>
        <a href={figuresHref(slug, principle, level, scope)} className={`${LINK} inline-flex min-h-11 items-center text-sm`}>
          {t("figures")}
          <span className="sr-only">
            {" "}
            ({t(`principle.${principle}`)}, {t(level)})
          </span>
        </a>
      </dd>
    </div>
  );
}

/** The five principles of one scope, each with its basic and advanced point. */
export function PrinciplePoints({ texts, slug, scope, principles }: { texts: Texts; slug: string; scope: ScoreScope; principles: Record<Principle, PrincipleScore> }) {
  const { t } = texts;
  return (
    <ul className="divide-y divide-stone-200">
      {PRINCIPLES.map((p) => {
        const score = principles[p];
        return (
          <li key={p} className="py-2" data-testid={`principle-${p}`} data-points={score.points ?? "none"}>
            <p className="flex items-baseline justify-between gap-2">
              <span className="font-bold">
                {t(`principle.${p}`)}
              </span>
              <span className="font-semibold">{score.points === null ? t("notEnough") : t("points", { points: score.points })}</span>
            </p>
            <dl>
              <Point texts={texts} slug={slug} scope={scope} principle={p} level="basic" result={score.basic} />
              <Point texts={texts} slug={slug} scope={scope} principle={p} level="advanced" result={score.advanced} />
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
