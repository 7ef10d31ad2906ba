"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RetryNotice, useRetry } from "~/components/retry-notice";
import { Alert, Button } from "~/components/ui";
import { postWrite, type PostWriteOptions } from "~/lib/post-write";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import { usePageStateWrite } from "~/features/personal/components/page-state";

type Option = { id: string; number: number; title: string };
const MAX = 5;

/**
 * Phone-first ranking: tap a demand to add it, arrows to reorder, remove to take it out. Plain
 * buttons, so it works by keyboard and screen reader without a drag library.
 */
export function RankingBallot({ campaignId, options, initial, submit }: { campaignId: string; options: Option[]; initial: string[]; submit?: (demandIds: string[], opts: PostWriteOptions) => Promise<unknown> }) {
  const t = useTranslations("campaigns.ballot");
  const message = useErrorText();
  const personal = usePageStateWrite();
  const [ranked, setRanked] = useState(initial.filter((id) => options.some((o) => o.id === id)));
  const [saved, setSaved] = useState(false);
  const sending = useRetry();
  const cast = useMutation({
    // Token ballots of verified-only campaigns bring their own sender (src/features/tokens).
    mutationFn: (input: { campaignId: string; demandIds: string[] }) => (submit ? submit(input.demandIds, sending) : postWrite<{ demandIds: string[] }>("/api/ballots", input, sending)),
    // No page refresh and no request after it (issue 15): the answer is the ballot now stored,
    // which is all of the page's personal part a ballot changes; it goes into the page state
    // (token ballots keep theirs in this browser). Shared figures follow with the cached page.
    onSuccess: (_answer, input) => {
      setSaved(true);
      if (submit) return;
      personal.update((s) => (s.campaign ? { ...s, campaign: { ...s.campaign, ballot: input.demandIds } } : s));
    },
    onSettled: sending.settled,
    networkMode: "always",
  });
  const byId = new Map(options.map((o) => [o.id, o]));
  const change = (next: string[]) => {
    setRanked(next);
    setSaved(false);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...ranked];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    change(next);
  };
  const label = (o: Option) => `#${o.number} ${o.title}`;

  return (
    <div className="space-y-4">
      {initial.length ? <p className="text-stone-700">{t("hasBallot")}</p> : null}
      <section aria-labelledby="ranking-heading">
        <h3 id="ranking-heading" className="mb-2 font-bold">
          {t("yourRanking")}
        </h3>
        {ranked.length === 0 ? <p className="text-stone-700">{t("empty")}</p> : null}
        <ol className="space-y-2" data-testid="ranking">
          {ranked.map((id, i) => {
            const o = byId.get(id)!;
            return (
              <li key={id} className="flex items-center gap-2 rounded-lg border border-brand-700 bg-brand-50 p-2">
                <span className="w-14 shrink-0 font-bold">{t("rank", { rank: i + 1 })}</span>
                <span className="min-w-0 flex-1 break-words">{label(o)}</span>
                <button type="button" className="min-h-11 min-w-11 rounded border border-stone-500 bg-white disabled:opacity-40" aria-label={t("up", { title: o.title })} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="min-h-11 min-w-11 rounded border border-stone-500 bg-white disabled:opacity-40" aria-label={t("down", { title: o.title })} disabled={i === ranked.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="min-h-11 min-w-11 rounded border border-red-700 bg-white text-red-800" aria-label={t("remove", { title: o.title })} onClick={() => change(ranked.filter((x) => x !== id))}>
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="available-heading">
        <h3 id="available-heading" className="mb-2 font-bold">
          {t("available")}
        </h3>
        {ranked.length >= MAX ? <p className="mb-2 text-stone-700">{t("full")}</p> : null}
        <ul className="space-y-2">
          {options
            .filter((o) => !ranked.includes(o.id))
            .map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  className="flex min-h-11 w-full items-center justify-between gap-2 rounded-lg border border-stone-400 bg-white p-2 text-left disabled:opacity-50"
                  disabled={ranked.length >= MAX}
                  onClick={() => change([...ranked, o.id])}
                >
                  <span className="min-w-0 break-words">{label(o)}</span>
                  <span className="shrink-0 font-semibold text-brand-800">+ {t("add")}</span>
                </button>
              </li>
            ))}
        </ul>
      </section>
      <RetryNotice retry={sending.retry} />
      {cast.error ? <Alert>{message(cast.error)}</Alert> : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <Button className="w-full" disabled={ranked.length === 0 || cast.isPending} onClick={() => cast.mutate({ campaignId, demandIds: ranked })}>
        {t("cast")}
      </Button>
    </div>
  );
}
