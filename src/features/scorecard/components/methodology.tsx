import { createTranslator } from "use-intl/core";
import { Card } from "~/components/ui";
import type { Locale } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";
import { METHOD_VERSION, MIN_DATA_SHARE, MIN_REPORTS, PRINCIPLES, THRESHOLDS, type Threshold } from "~/features/scorecard/method";

// The methodology page's body, generated from THRESHOLDS: every threshold, test and percentage
// comes from the code, the messages give only the words (they hold no figure of their own, which
// methodology.test.ts checks). Plain and synchronous so the test renders it outside Next.
// Threshold sections carry data-threshold, general ones data-section: the test reads them.

const SECTIONS = ["points", "evidence", "periods", "versioning", "gaming", "statements"] as const;

export function Methodology({ locale, thresholds = THRESHOLDS }: { locale: Locale; thresholds?: readonly Threshold[] }) {
  const typed = createTranslator({ locale, messages: loadMessages(locale), namespace: "scoreMethod" });
  // Keys built from THRESHOLDS' ids; the test checks each has its message in both locales.
  const t = (key: string, values?: Record<string, string | number>) => typed(key as never, values as never);
  const percent = (share: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
  const k = MIN_REPORTS;

  return (
    <div className="space-y-4">
      <p>{t("intro")}</p>
      <p className="font-semibold" data-testid="method-version">
        {t("version", { version: METHOD_VERSION })}
      </p>
      <nav aria-labelledby="method-toc" className="rounded-lg bg-stone-100 p-3">
        <h2 id="method-toc" className="font-bold">
          {t("toc")}
        </h2>
        <ul className="mt-1 space-y-1">
          {PRINCIPLES.map((p) => (
            <li key={p}>
              <a href={`#principle-${p}`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
                {t(`principle.${p}`)}
              </a>
            </li>
          ))}
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
                {t(`${s}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Card id="points" data-section="points" className="space-y-2">
        <h2 className="text-lg font-bold">{t("points.title")}</h2>
        <p>{t("points.body")}</p>
      </Card>

      {PRINCIPLES.map((p) => (
        <section key={p} id={`principle-${p}`} className="space-y-3" aria-labelledby={`principle-${p}-title`}>
          <h2 id={`principle-${p}-title`} className="text-xl font-bold">
            {t(`principle.${p}`)}
          </h2>
          {thresholds
            .filter((th) => th.principle === p)
            .map((th) => (
              <Card key={th.id} id={th.id} data-threshold={th.id} className="space-y-2" aria-labelledby={`${th.id}-title`}>
                <h3 id={`${th.id}-title`} className="text-lg font-bold">
                  {t("thresholdHeading", { principle: t(`principle.${p}`), level: t(`level.${th.level}`) })}
                </h3>
                <h4 className="font-semibold">{t("testsTitle")}</h4>
                <ul className="list-disc space-y-2 pl-5">
                  {th.tests.map((test) => (
                    <li key={test.id} data-test={test.id}>
                      {t(`test.${test.id}`, { percent: percent(test.atLeast) })}
                      {test.newQuestion ? <span className="block text-sm text-stone-700">{t("newQuestion", { percent: percent(MIN_DATA_SHARE) })}</span> : null}
                      {test.missing ? <span className="block text-sm text-stone-700">{t(`missing.${test.missing}`)}</span> : null}
                    </li>
                  ))}
                </ul>
                <h4 className="font-semibold">{t("rationaleTitle")}</h4>
                <p>{t(`rationale.${th.id}`)}</p>
                <h4 className="font-semibold">{t("sourceTitle")}</h4>
                <p className="text-sm text-stone-700" data-source={th.source}>
                  {t(`source.${th.source}`)}
                </p>
              </Card>
            ))}
        </section>
      ))}

      <Card id="evidence" data-section="evidence" className="space-y-2">
        <h2 className="text-lg font-bold">{t("evidence.title")}</h2>
        <p>{t("evidence.k", { k })}</p>
        <p>{t("evidence.share", { percent: percent(MIN_DATA_SHARE) })}</p>
        <p>{t("evidence.noData")}</p>
      </Card>
      <Card id="periods" data-section="periods" className="space-y-2">
        <h2 className="text-lg font-bold">{t("periods.title")}</h2>
        <p>{t("periods.sealed")}</p>
        <p>{t("periods.lastFour")}</p>
        <p>{t("periods.wage")}</p>
      </Card>
      <Card id="versioning" data-section="versioning" className="space-y-2">
        <h2 className="text-lg font-bold">{t("versioning.title")}</h2>
        <p>{t("versioning.body", { version: METHOD_VERSION })}</p>
      </Card>
      <Card id="gaming" data-section="gaming" className="space-y-2">
        <h2 className="text-lg font-bold">{t("gaming.title")}</h2>
        <p>{t("gaming.verified")}</p>
        <p>{t("gaming.cells", { k })}</p>
        <p>{t("gaming.accounts")}</p>
      </Card>
      <Card id="statements" data-section="statements" className="space-y-2">
        <h2 className="text-lg font-bold">{t("statements.title")}</h2>
        <p>{t("statements.body")}</p>
      </Card>
    </div>
  );
}
