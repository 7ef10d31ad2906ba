import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Messages } from "~/components/messages";
import { Alert, Card } from "~/components/ui";
import { BreakdownList } from "~/features/petitions/components/breakdown-list";
import { DAY, daysSince, targetName } from "~/features/petitions/components/labels";
import { ShareBox } from "~/features/petitions/components/share-box";
import { SignPanel } from "~/features/petitions/components/sign-panel";
import { publicOrigin } from "~/server/origin";
import { api } from "~/trpc/server";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const load = cache(async (id: string) => {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return null;
  try {
    return await (await api()).petitions.get({ petitionId: id });
  } catch (err) {
    if ((err as { code?: string }).code === "NOT_FOUND") return null;
    throw err;
  }
});

/** The link preview carries the title and the public count only: no names, no breakdowns. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const p = await load((await params).id);
  if (!p) return {};
  const t = await getTranslations("petitions.og");
  const title = p.counts?.shown ? t("title", { title: p.title, count: p.counts.shown }) : t("titleFew", { title: p.title });
  return { title: p.title, openGraph: { title, description: t("description"), type: "website" }, twitter: { card: "summary", title } };
}

export default async function PetitionPage({ params, searchParams }: Params) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const p = await load(id);
  if (!p) notFound();
  // No session read: a published petition's page is cached and shared (src/scripts/lib/page-cache.mjs);
  // the signer's own state comes from SignPanel's personal request.
  const [t, tx, format, locale] = await Promise.all([getTranslations("petitions"), getTranslations("taxonomy"), getFormatter(), getLocale()]);
  const caller = await api();
  const [comments, platforms] = await Promise.all([
    p.counts?.atLeastQuoteK ? caller.petitions.comments({ petitionId: p.id }) : [],
    p.counts?.platform.length ? caller.accounts.platforms() : [],
  ]);
  const platformName = (slug: string) => {
    const found = platforms.find((x) => x.slug === slug);
    return found ? (locale === "en" ? found.nameEn : found.nameZh) : slug;
  };
  const name = targetName(p, locale);
  const day = (d: Date) => format.dateTime(d, DAY);
  const awaiting = p.thresholdReachedOn && !p.respondedOn && p.targetKind === "PLATFORM" && p.status === "PUBLISHED";
  const base = publicOrigin(await headers());

  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">{t(`phase.${p.phase}`)}</p>
        <h1 className="text-2xl font-bold">{p.title}</h1>
        <p>
          {t("target.label")}: <strong>{name}</strong>
        </p>
        {p.publishedOn && p.closesOn ? (
          <p className="text-sm text-stone-700">
            {t("page.publishedOn", { date: day(p.publishedOn) })} · {p.phase === "OPEN" ? t("page.closesOn", { date: day(p.closesOn) }) : t("page.closedOn", { date: day(p.closesOn) })}
          </p>
        ) : null}
      </header>

      {created ? <Alert tone="success">{t("new.created")}</Alert> : null}
      {p.phase === "REJECTED" ? (
        <Alert tone="warning">
          <p className="font-semibold">{t("page.rejected")}</p>
          <p>
            {t("page.rejectedReason")}: <span data-testid="rejection-reason">{p.rejectionReason}</span>
          </p>
        </Alert>
      ) : null}
      {p.sponsorToken ? (
        <Card className="space-y-2">
          <p>{t("page.sponsorsNeeded", { count: p.sponsorCount })}</p>
          <p className="font-medium">{t("page.sponsorLink")}</p>
          <p className="break-all font-mono text-sm" data-testid="sponsor-link">
            {`${base}/petitions/${p.id}/sponsor/${p.sponsorToken}`}
          </p>
        </Card>
      ) : null}
      {p.phase === "PENDING_MODERATION" ? <Alert tone="info">{t("page.pendingModeration")}</Alert> : null}

      {p.counts ? (
        <Card>
          <Messages ns={["petitions"]}>
            <SignPanel
              petitionId={p.id}
              open={p.phase === "OPEN"}
              initialShown={p.counts.shown}
              initialCredibility={p.counts.credibility}
              verifiedOnly={p.verifiedOnly}
              threshold={p.threshold}
            />
          </Messages>
          <p className="mt-2 text-xs text-stone-700">{t("page.totalLive")}</p>
        </Card>
      ) : null}

      {awaiting ? (
        <Alert tone="warning">
          <p className="font-semibold" data-testid="awaiting">
            {t("page.awaiting")}
          </p>
          <p>{t("page.awaitingSince", { date: day(p.thresholdReachedOn!), days: daysSince(p.thresholdReachedOn!) })}</p>
        </Alert>
      ) : null}
      {p.responseText && p.respondedOn ? (
        <Card className="space-y-1 border-green-700" data-testid="response">
          <h2 className="text-lg font-bold">{t("page.response", { name })}</h2>
          <p className="text-sm text-stone-700">{t("page.respondedOn", { date: day(p.respondedOn) })}</p>
          <p className="whitespace-pre-line">{p.responseText}</p>
        </Card>
      ) : null}
      {p.deliveredTo && p.deliveredOn ? <Alert tone="info">{t("page.delivered", { to: p.deliveredTo, date: day(p.deliveredOn) })}</Alert> : null}

      <section className="space-y-1">
        <h2 className="text-lg font-bold">{t("page.ask")}</h2>
        <p className="whitespace-pre-line">{p.ask}</p>
      </section>
      <section className="space-y-1">
        <h2 className="text-lg font-bold">{t("page.reason")}</h2>
        <p className="whitespace-pre-line">{p.reason}</p>
      </section>

      {p.milestones.length > 0 ? (
        <section className="space-y-1">
          <h2 className="text-lg font-bold">{t("page.milestones")}</h2>
          <ul className="list-disc pl-5">
            {p.milestones.map((m) => (
              <li key={m.signatures}>{t("page.milestone", { count: format.number(m.signatures), date: day(m.reachedOn) })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.counts && (p.counts.city.length || p.counts.platform.length || p.counts.sector.length) ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("page.breakdownTitle")}</h2>
          <p className="text-sm text-stone-700">{t("page.breakdownNote")}</p>
          <p className="text-sm text-stone-700" data-testid="breakdown-steps">{t("page.breakdownSteps")}</p>
          <BreakdownList title={t("page.byCity")} groups={p.counts.city} label={(v) => tx(`city.${v}` as "city.beijing")} />
          <BreakdownList title={t("page.byPlatform")} groups={p.counts.platform} label={platformName} />
          <BreakdownList title={t("page.bySector")} groups={p.counts.sector} label={(v) => tx(`sector.${v}` as "sector.OTHER")} />
        </Card>
      ) : null}

      {p.status === "PUBLISHED" ? (
        <section className="space-y-2">
          <h2 className="text-lg font-bold">{t("page.comments")}</h2>
          <p className="text-sm text-stone-700">{t("page.commentsNote")}</p>
          {comments.length === 0 ? (
            <p>{t("page.noComments")}</p>
          ) : (
            <ul className="space-y-2">
              {comments.map((c, i) => (
                <li key={i} className="rounded-lg bg-white p-3">
                  <p>{c.comment}</p>
                  <p className="text-sm text-stone-700">{format.dateTime(c.month, { year: "numeric", month: "long", timeZone: "UTC" })}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {p.status === "PUBLISHED" || p.status === "REJECTED" ? (
        <Card className="space-y-2">
          <h2 className="text-lg font-bold">{t("page.share")}</h2>
          <ShareBox origin={base} shortCode={p.shortCode} />
        </Card>
      ) : null}
    </article>
  );
}
