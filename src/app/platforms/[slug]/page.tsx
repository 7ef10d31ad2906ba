import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { PetitionCard } from "~/features/petitions/components/petition-card";
import { DAY } from "~/features/petitions/components/labels";
import { getPlatformRecord } from "~/features/records/data";
import { BadQuery } from "~/features/opendata/respond";
import { StatusBadge } from "~/features/records/components/status-badge";
import { readPlatformScorecard } from "~/features/scorecard/data";
import { textsFor } from "~/features/scorecard/components/labels";
import { PlatformScorecardSection } from "~/features/scorecard/components/platform-scorecard";
import type { Locale } from "~/i18n/config";
import { PlatformStatements } from "~/features/scorecard/components/platform-statements";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

/**
 * Metadata and page share one read of the record. Its submissions come a page at a time, with
 * the open-data API's cursors (`?cursor=` is the API's nextCursor); a cursor it did not give out
 * is a page that does not exist.
 */
const load = cache(async (slug: string, cursor: string | undefined) => {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  try {
    return await getPlatformRecord(slug, { cursor });
  } catch (err) {
    if (err instanceof BadQuery) return null;
    throw err;
  }
});
/** The scorecard of the last four sealed quarters: the same on every page of the record. */
const loadScorecard = cache(async (slug: string) => (/^[a-z0-9-]{1,64}$/.test(slug) ? readPlatformScorecard(slug) : null));
const cursorOf = async (searchParams: Params["searchParams"]) => {
  const { cursor } = await searchParams;
  return typeof cursor === "string" ? cursor : undefined;
};

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const record = await load((await params).slug, await cursorOf(searchParams));
  if (!record) return {};
  const [t, locale] = await Promise.all([getTranslations("records"), getLocale()]);
  return { title: t("title", { name: locale === "en" ? record.platform.nameEn : record.platform.nameZh }) };
}

/** A platform's public record: its submissions, how it answers them, and what workers say it did. */
export default async function PlatformRecordPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const cursor = await cursorOf(searchParams);
  const [record, scorecard] = await Promise.all([load(slug, cursor), loadScorecard(slug)]);
  if (!record) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("records"), getFormatter(), getLocale()]);
  const name = locale === "en" ? record.platform.nameEn : record.platform.nameZh;
  const { responses: r, commitments: c } = record;
  const percent = (share: number | null) => (share === null ? "—" : format.number(share, { style: "percent", maximumFractionDigits: 0 }));
  const day = (d: Date) => format.dateTime(d, DAY);
  const { submissions } = record;

  return (
    <div className="space-y-4">
      <PageTitle>{t("title", { name })}</PageTitle>
      <p>{t("intro", { name })}</p>

      {scorecard ? <PlatformScorecardSection texts={textsFor(locale as Locale)} card={scorecard} /> : null}

      <Card className="space-y-2" aria-labelledby="responses" data-testid="responses">
        <h2 id="responses" className="text-lg font-bold">
          {t("responses.title")}
        </h2>
        {r.addressed === 0 ? (
          <p>{t("responses.none", { name })}</p>
        ) : (
          <ul className="space-y-1">
            <li>
              <strong className="text-xl">{percent(r.responseRate)}</strong> {t("responses.answered", { answered: r.answered, addressed: r.addressed })}
            </li>
            <li>
              <strong className="text-xl">{percent(r.onTimeRate)}</strong> {t("responses.onTime", { count: r.answeredOnTime, addressed: r.addressed })}
            </li>
            <li>{r.medianDaysToFirstAnswer === null ? t("responses.medianNone") : t("responses.median", { days: r.medianDaysToFirstAnswer })}</li>
            <li className={r.overdue > 0 ? "font-semibold text-red-800" : undefined}>{t("responses.overdue", { count: r.overdue })}</li>
          </ul>
        )}
      </Card>

      <Card className="space-y-2" aria-labelledby="commitments" data-testid="commitments">
        <h2 id="commitments" className="text-lg font-bold">
          {t("commitments.title")}
        </h2>
        {c.total === 0 ? (
          <p>{t("commitments.none", { name })}</p>
        ) : (
          <>
            <p>{t("commitments.total", { count: c.total })}</p>
            {c.judged === 0 ? (
              <p>{t("commitments.notJudged")}</p>
            ) : (
              <>
                <p className="font-semibold">{t("commitments.confirmed", { done: c.confirmedDone, judged: c.judged, share: percent(c.confirmedShare) })}</p>
                <p className="text-sm text-stone-700">{t("commitments.counted", { judged: c.judged })}</p>
              </>
            )}
          </>
        )}
      </Card>

      <section className="space-y-2" aria-labelledby="submissions">
        <h2 id="submissions" className="text-lg font-bold">
          {t("submissions.title", { name })}
        </h2>
        {submissions.length === 0 ? (
          <p>{t("responses.none", { name })}</p>
        ) : (
          <ul className="space-y-2" data-testid="submission-list">
            {submissions.map((s) => (
              <li key={s.id} className="space-y-1 rounded-xl border border-stone-300 bg-white p-4 shadow-sm">
                <Link href={`/submissions/${s.id}`} className="text-lg font-bold text-blue-900 underline underline-offset-2">
                  {s.campaign.title}
                </Link>
                <p className="text-sm text-stone-700">{t("submissions.by", { union: locale === "en" ? s.union.nameEn : s.union.nameZh })}</p>
                <p className="text-sm text-stone-700">
                  {t("submissions.published", { date: day(s.firstPublishedOn) })} · {t("submissions.respondBy", { date: day(s.respondBy) })}
                </p>
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={s.status} label={t(`status.${s.status}`)} />
                  <span>{t("submissions.items", { answered: s.answeredItems, items: s.items })}</span>
                </p>
                <Link href={`/submissions/${s.id}/answers`} className={`${buttonStyles.link} inline-flex min-h-11 items-center`}>
                  {t("submissions.answers")}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {r.addressed > 0 ? <p className="text-sm text-stone-700">{t("submissions.shownOf", { total: r.addressed })}</p> : null}
        {record.nextCursor || cursor ? (
          <p className="flex flex-wrap gap-x-4">
            {record.nextCursor ? (
              <Link href={`/platforms/${record.platform.slug}?cursor=${encodeURIComponent(record.nextCursor)}`} className={`${buttonStyles.link} inline-flex min-h-11 items-center`} data-testid="more-submissions">
                {t("submissions.more")}
              </Link>
            ) : null}
            {cursor ? (
              <Link href={`/platforms/${record.platform.slug}`} className={`${buttonStyles.link} inline-flex min-h-11 items-center`}>
                {t("submissions.newest")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </section>

      <section className="space-y-2" aria-labelledby="awaiting">
        <h2 id="awaiting" className="text-lg font-bold">
          {t("petitions.title")}
        </h2>
        {record.awaitingPetitions.length === 0 ? (
          <p>{t("petitions.none", { name })}</p>
        ) : (
          <ul className="space-y-2">
            {record.awaitingPetitions.map((p) => (
              <PetitionCard key={p.id} petition={p} />
            ))}
          </ul>
        )}
      </section>

      <ul className="space-y-1">
        <li>
          <Link href={`/platforms/${record.platform.slug}/conditions`} className={`${buttonStyles.link} inline-flex min-h-11 items-center`}>
            {t("conditions", { name })}
          </Link>
        </li>
        <li>
          <a href={`/api/v1/platforms/${record.platform.slug}`} className={`${buttonStyles.link} inline-flex min-h-11 items-center`} type="application/json">
            {t("openData")}
          </a>
        </li>
      </ul>

      <PlatformStatements platformSlug={record.platform.slug} />
    </div>
  );
}
