import { getFormatter, getTranslations } from "next-intl/server";
import { DAY_FORMAT } from "~/lib/days";
import { VERDICT_VALUES, type PublishedVerdicts } from "~/features/verdicts/outcome";

/**
 * The workers' verdict beside a commitment, exactly as publishVerdicts allows it (k=5 with
 * complementary suppression) over the answer's last release: nothing under 5, counts in steps of 5.
 */
export async function VerdictSummary({ verdicts, dueOn }: { verdicts: PublishedVerdicts | null; dueOn: Date | null }) {
  const [t, format] = await Promise.all([getTranslations("answers.page"), getFormatter()]);
  if (!verdicts) {
    return dueOn ? <p className="text-stone-700">{t("verdictNotYet", { date: format.dateTime(dueOn, DAY_FORMAT) })}</p> : null;
  }
  if (!verdicts.shown) return <p className="text-stone-700">{t("verdictFew")}</p>;
  const anyHidden = VERDICT_VALUES.some((v) => verdicts.counts[v] === null);
  return (
    <div className="space-y-1" data-testid="verdict-summary">
      <p className="font-bold">{t(`outcome.${verdicts.outcome}`)}</p>
      <p>{t("verdictCounts", { total: verdicts.total })}</p>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {VERDICT_VALUES.map((v) => (
          <div key={v} className="rounded-lg bg-stone-100 p-2">
            <dt className="text-sm">{t(`value.${v}`)}</dt>
            <dd className="text-lg font-bold">{verdicts.counts[v] ?? t("hidden")}</dd>
          </div>
        ))}
      </dl>
      {anyHidden ? <p className="text-sm text-stone-700">{t("hiddenNote")}</p> : null}
      <p className="text-sm text-stone-700">{t("verdictSteps")}</p>
    </div>
  );
}
