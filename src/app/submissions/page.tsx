import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "~/components/ui";
import { day } from "~/features/campaigns/format";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.list"))("title") };
}

const TONE = { answered: "bg-green-100 text-green-900", awaiting: "bg-stone-200 text-stone-900", overdue: "bg-red-100 text-red-900" } as const;

export default async function SubmissionsPage() {
  const [t, ts, locale] = await Promise.all([getTranslations("submissions.list"), getTranslations("submissions.status"), getLocale()]);
  const rows = await (await api()).submissions.list();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {rows.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {rows.map((s) => (
          <li key={s.id}>
            <Card className="space-y-1" data-testid="submission-card">
              <h2 className="text-lg font-bold">
                <Link href={`/submissions/${s.id}`} className="text-blue-800 underline">
                  {s.campaign.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">
                {t("meta", { union: locale === "en" ? s.union.nameEn : s.union.nameZh, date: s.firstPublishedOn ? day(s.firstPublishedOn) : "", version: s.currentVersion })}
              </p>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className={`rounded px-2 py-0.5 font-medium ${TONE[s.status]}`} data-testid="submission-status">
                  {ts(s.status)}
                </span>
                {s.respondBy ? <span>{t("respondBy", { date: day(s.respondBy) })}</span> : null}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
