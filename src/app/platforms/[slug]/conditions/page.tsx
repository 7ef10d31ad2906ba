import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { BreakdownTable } from "~/features/stats/components/breakdown-table";
import { FigureCard } from "~/features/stats/components/figure-rows";
import { api } from "~/trpc/server";

type Params = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return (await api()).stats.conditions({ slug: slug.slice(0, 64) }).catch(() => null);
}

// A fixed title: metadata that waits for the statistics query would be streamed in late.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function PlatformConditionsPage({ params }: Params) {
  const [data, t, tx, tr, locale] = await Promise.all([load((await params).slug), getTranslations("stats"), getTranslations("taxonomy"), getTranslations("records"), getLocale()]);
  if (!data) notFound();
  const name = locale === "en" ? data.platform.nameEn : data.platform.nameZh;
  return (
    <div className="space-y-4">
      <Link href="/stats" className={buttonStyles.link}>
        ← {t("back")}
      </Link>
      <PageTitle>{t("conditionsTitle", { name })}</PageTitle>
      <Link href={`/platforms/${data.platform.slug}`} className={buttonStyles.link}>
        {tr("title", { name })}
      </Link>
      <p className="font-medium">{t("period", data.period)}</p>
      <p className="text-sm text-stone-700">{t("privacyNote")}</p>
      {data.total ? (
        <>
          <FigureCard title={name} figures={data.total} />
          <BreakdownTable title={t("byCity")} rows={data.breakdowns.city} idPrefix="city" label={(k) => tx(`city.${k}` as never)} />
          <BreakdownTable title={t("bySector")} rows={data.breakdowns.sector} idPrefix="sector" label={(k) => tx(`sector.${k}` as never)} />
        </>
      ) : (
        <p data-testid="no-data">{t("noData")}</p>
      )}
      {data.quotes.length ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("quotesTitle")}</h2>
          <p className="text-sm text-stone-700">{t("quotesNote")}</p>
          <ul className="space-y-3">
            {data.quotes.map((q, i) => (
              <li key={i}>
                <blockquote className="border-l-4 border-brand-700 pl-3">{q.text}</blockquote>
                <p className="text-sm text-stone-700">{q.quarter}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Link href="/reports/new" className={`${buttonStyles.primary} w-full`}>
        {t("fileReport")}
      </Link>
    </div>
  );
}
