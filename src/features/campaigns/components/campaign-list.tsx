"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "~/components/ui";
import { usePageState } from "~/features/personal/components/page-state";

type Item = { id: string; title: string; by: string; phase: string };

/**
 * The campaign list, the same for everyone (cached); once the personal request says which ones
 * match a worker's profile, those move first and say so, and the worker's notifications show.
 */
export function CampaignList({ campaigns }: { campaigns: Item[] }) {
  const t = useTranslations("campaigns.list");
  const personal = usePageState();
  const matching = new Set(personal?.campaigns?.matching ?? []);
  const worker = personal?.account?.role === "WORKER";
  const sorted = [...campaigns].sort((a, b) => Number(matching.has(b.id)) - Number(matching.has(a.id)));
  return (
    <>
      {worker ? (
        <Link href="/notifications" className="inline-flex min-h-11 items-center gap-2 font-medium text-blue-800 underline" data-testid="notification-link">
          {t("notifications")}: {t("unread", { count: personal.unread ?? 0 })}
        </Link>
      ) : null}
      {worker && personal.campaigns && matching.size === 0 ? <p className="text-sm text-stone-700">{t("profileHint")}</p> : null}
      {campaigns.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="space-y-3">
        {sorted.map((c) => (
          <li key={c.id}>
            <Card className="space-y-1">
              <h2 className="text-lg font-bold">
                <Link href={`/campaigns/${c.id}`} className="text-blue-800 underline underline-offset-2">
                  {c.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">{c.by}</p>
              <p className="flex flex-wrap gap-2 text-sm">
                <span className="rounded bg-stone-200 px-2 py-0.5 font-medium">{c.phase}</span>
                {matching.has(c.id) ? <span className="rounded bg-green-100 px-2 py-0.5 font-medium text-green-900">{t("matches")}</span> : null}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
