import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "~/components/ui";
import { FigureCard } from "~/features/stats/components/figure-rows";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function StatsPage() {
  const [t, tr, locale, caller] = await Promise.all([getTranslations("stats"), getTranslations("records"), getLocale(), api()]);
  const overview = await caller.stats.overview();
  const name = (p: { nameZh: string; nameEn: string }) => (locale === "en" ? p.nameEn : p.nameZh);
  const shown = new Map(overview.byPlatform.map((r) => [r.key, r.figures.n]));
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <p className="font-medium">{t("period", overview.period)}</p>
      <p className="text-sm text-stone-700">{t("privacyNote")}</p>
      {overview.total ? <FigureCard title={t("allPlatforms")} figures={overview.total} /> : <p>{t("noData")}</p>}
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("byPlatform")}</h2>
        <ul className="divide-y divide-stone-200">
          {overview.platforms.map((p) => (
            <li key={p.slug} className="flex min-h-12 items-center justify-between gap-2 py-2">
              <span className="flex flex-col">
                <Link href={`/platforms/${p.slug}/conditions`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-2">
                  {t("viewPlatform", { name: name(p) })}
                </Link>
                <Link href={`/platforms/${p.slug}`} className="inline-flex min-h-11 items-center text-sm font-medium text-blue-800 underline underline-offset-2">
                  {tr("title", { name: name(p) })}
                </Link>
              </span>
              <span className="text-sm text-stone-700">{shown.has(p.id) ? t("basedOn", { n: shown.get(p.id)! }) : "—"}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-stone-700">{t("someHidden")}</p>
      </Card>
    </div>
  );
}
