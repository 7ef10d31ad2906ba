import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Card, PageTitle } from "~/components/ui";
import { PensionCalculator } from "~/features/rights/components/pension-calculator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rights"))("title") };
}

const INSURANCES = ["pension", "medical", "workInjury", "unemployment", "maternity"] as const;
const OPTIONS = ["contract", "minimumWage", "records", "subsidy", "together"] as const;
const OPTION_SOURCES: Partial<Record<(typeof OPTIONS)[number], "minimumWageSource" | "subsidySource">> = { minimumWage: "minimumWageSource", subsidy: "subsidySource" };

export default async function RightsPage() {
  const t = await getTranslations("rights");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <nav aria-labelledby="toc-title" className="rounded-lg bg-stone-100 p-3">
        <h2 id="toc-title" className="font-bold">
          {t("toc")}
        </h2>
        <ul className="mt-1 space-y-1">
          {INSURANCES.map((k) => (
            <li key={k}>
              <a href={`#${k}`} className="inline-block min-h-8 font-medium text-blue-800 underline">
                {t(`ins.${k}.title`)}
              </a>
            </li>
          ))}
          <li>
            <a href="#options" className="inline-block min-h-8 font-medium text-blue-800 underline">
              {t("opt.title")}
            </a>
          </li>
          <li>
            <a href="#calculator" className="inline-block min-h-8 font-medium text-blue-800 underline">
              {t("calcLink")}
            </a>
          </li>
        </ul>
      </nav>
      <h2 className="text-xl font-bold">{t("ins.title")}</h2>
      {INSURANCES.map((k) => (
        <Card key={k} id={k} className="space-y-2">
          <h3 className="text-lg font-bold">{t(`ins.${k}.title`)}</h3>
          <p className="leading-relaxed">{t(`ins.${k}.body`)}</p>
          <p className="text-sm text-stone-700">
            {t("sourceLabel")}: {t(`ins.${k}.source`)}
          </p>
          {k === "pension" ? (
            <div className="rounded-lg bg-amber-50 p-3">
              <p>{t("ins.pension.figure")}</p>
              <p className="text-sm text-stone-700">{t("ins.pension.figureSource")}</p>
            </div>
          ) : null}
        </Card>
      ))}
      <Card id="options" className="space-y-2">
        <h2 className="text-xl font-bold">{t("opt.title")}</h2>
        <ul className="list-disc space-y-2 pl-5">
          {OPTIONS.map((k) => (
            <li key={k}>
              {t(`opt.${k}`)}
              {OPTION_SOURCES[k] ? <span className="block text-sm text-stone-700">{`${t("sourceLabel")}: ${t(`opt.${OPTION_SOURCES[k]!}`)}`}</span> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card id="calculator" className="space-y-2">
        <h2 className="text-xl font-bold">{t("calc.title")}</h2>
        <p>{t("calc.intro")}</p>
        <Messages ns={["rights"]}>
          <PensionCalculator />
        </Messages>
      </Card>
    </div>
  );
}
