import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DAY_FORMAT } from "~/lib/days";
import type { Principle } from "~/features/scorecard/method";
import { getPublicStatements } from "~/features/statements/data";

type Props = {
  platformSlug: string;
  /** Only the statements on this principle (beside that principle's score); all of them without. */
  principle?: Principle;
  /** The section heading's level where it sits (h2 on the platform's page). */
  heading?: "h2" | "h3";
};

/**
 * A platform's approved statements, shown apart from the workers' figures and labelled as the
 * platform's: nothing here feeds or changes the score (issue 16). Public and the same for
 * everyone, so cached pages may show it.
 */
export async function PlatformStatements({ platformSlug, principle, heading: Heading = "h2" }: Props) {
  const found = await getPublicStatements(platformSlug);
  if (!found) return null;
  const [t, tm, format, locale] = await Promise.all([getTranslations("statements.public"), getTranslations("scoreMethod.principle"), getFormatter(), getLocale()]);
  const name = locale === "en" ? found.platform.nameEn : found.platform.nameZh;
  const statements = principle ? found.statements.filter((s) => s.principle === principle) : found.statements;
  const id = `platform-statements${principle ? `-${principle}` : ""}`;
  const Inner = Heading === "h2" ? "h3" : "h4";

  return (
    <section aria-labelledby={id} className="space-y-2 rounded-xl border-2 border-dashed border-stone-400 bg-stone-50 p-4" data-testid="platform-statements">
      <Heading id={id} className="text-lg font-bold">
        {t("title")}
      </Heading>
      <p className="text-sm text-stone-700">{t("note", { name })}</p>
      {statements.length === 0 ? (
        <p>{principle ? t("noneOn", { name }) : t("none", { name })}</p>
      ) : (
        <ul className="space-y-3">
          {statements.map((s) => (
            <li key={s.id} className="space-y-1 rounded-lg border border-stone-300 bg-white p-3" data-testid="platform-statement">
              <Inner className="font-semibold">{t("label", { principle: tm(s.principle) })}</Inner>
              <p className="break-words whitespace-pre-line">{s.text}</p>
              <p className="text-sm font-medium">{t("evidence")}</p>
              <p className="text-sm break-words whitespace-pre-line">{s.evidence}</p>
              <p className="text-sm text-stone-700">{t("date", { date: format.dateTime(s.shownOn, DAY_FORMAT) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
