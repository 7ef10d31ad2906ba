import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "~/components/ui";
import { auth } from "~/server/auth/session";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.list"))("title") };
}

export default async function CampaignsPage() {
  const [t, tp, account, locale] = await Promise.all([getTranslations("campaigns.list"), getTranslations("campaigns.phase"), auth(), getLocale()]);
  const caller = await api();
  const campaigns = await caller.campaigns.list();
  const isWorker = account?.role === "WORKER";
  const unread = isWorker ? await caller.notifications.unread() : 0;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {isWorker ? (
        <Link href="/notifications" className="inline-flex min-h-11 items-center gap-2 font-medium text-blue-800 underline" data-testid="notification-link">
          {t("notifications")}: {t("unread", { count: unread })}
        </Link>
      ) : null}
      {isWorker && !campaigns.some((c) => c.matches) ? <p className="text-sm text-stone-700">{t("profileHint")}</p> : null}
      {campaigns.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="space-y-3">
        {campaigns.map((c) => (
          <li key={c.id}>
            <Card className="space-y-1">
              <h2 className="text-lg font-bold">
                <Link href={`/campaigns/${c.id}`} className="text-blue-800 underline underline-offset-2">
                  {c.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">{t("by", { union: locale === "en" ? c.union.nameEn : c.union.nameZh })}</p>
              <p className="flex flex-wrap gap-2 text-sm">
                <span className="rounded bg-stone-200 px-2 py-0.5 font-medium">{tp(c.phase)}</span>
                {c.matches ? <span className="rounded bg-green-100 px-2 py-0.5 font-medium text-green-900">{t("matches")}</span> : null}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
