"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { VerifiedPart } from "~/features/verification/components/verified-part";
import type { Credibility } from "~/features/verification/credibility";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { postWrite, WriteError } from "~/lib/post-write";
import { RetryNotice, useRetry } from "~/components/retry-notice";
import { withReturnTo } from "~/lib/return-to";
import { useTRPC } from "~/trpc/react";
import { usePageState } from "~/features/personal/components/page-state";

type Props = {
  petitionId: string;
  open: boolean;
  initialShown: number | null;
  initialCredibility: Credibility;
  verifiedOnly: boolean;
  threshold: number;
};

/**
 * The live count and the one-tap sign / withdraw controls. Counts poll every 10 s. The page is
 * the same for everyone (cached); who is looking and whether they signed come from the page's
 * personal request: a worker can sign, staff see why not, a visitor is invited to sign in.
 */
export function SignPanel({ petitionId, open, initialShown, initialCredibility, verifiedOnly, threshold }: Props) {
  const t = useTranslations("petitions.page");
  const te = useTranslations("errors");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const counts = useQuery({
    ...trpc.petitions.counts.queryOptions({ petitionId }),
    initialData: { shown: initialShown, credibility: initialCredibility, city: [], platform: [], sector: [] },
    refetchInterval: open ? 10_000 : false,
  });
  const personal = usePageState();
  const viewer = !personal ? "unknown" : !personal.account ? "anonymous" : personal.account.role === "WORKER" ? "worker" : "staff";
  // What this tab did last wins over what the personal request said when the page opened.
  const [signedHere, setSignedOn] = useState<Date | null | undefined>(undefined);
  const known = personal?.petition?.signedOn;
  const signedOn = signedHere !== undefined ? signedHere : known ? new Date(known) : null;
  const pii = useFormPiiScan(["comment"]);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.petitions.counts.queryKey({ petitionId }) });
  const sending = useRetry();
  const sign = useMutation({
    // ALREADY_SIGNED means the signature is there: a retry whose first attempt was stored, or
    // another tab. Either way the worker's signature counts, which is what the page says.
    mutationFn: (input: { petitionId: string; comment?: string }) =>
      postWrite<{ signatures: number }>("/api/signatures", input, sending).catch((err: unknown) => {
        if (err instanceof WriteError && err.data.appCode === "ALREADY_SIGNED") return null;
        throw err;
      }),
    onSettled: sending.settled,
    networkMode: "always",
    onSuccess: () => {
      setSignedOn(new Date());
      setNotice(null);
      void refresh();
    },
  });
  // The same transport as signing (src/app/api/signatures/withdraw/route.ts). NOT_SIGNED after a
  // retry means the first attempt took the signature away: what the worker asked for.
  const withdraw = useMutation({
    mutationFn: (input: { petitionId: string }) =>
      postWrite<unknown>("/api/signatures/withdraw", input, sending).catch((err: unknown) => {
        if (err instanceof WriteError && err.data.appCode === "NOT_SIGNED") return null;
        throw err;
      }),
    onSettled: sending.settled,
    networkMode: "always",
    onSuccess: () => {
      setSignedOn(null);
      setNotice(t("withdrawn"));
      void refresh();
    },
  });
  const shown = counts.data?.shown ?? null;
  const onSign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
    withdraw.reset();
    sign.mutate({ petitionId, ...(comment ? { comment } : {}) });
  };
  const error = sign.error ?? withdraw.error;

  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {shown === null ? (
          <p className="text-lg font-semibold">{t("fewer")}</p>
        ) : (
          <p>
            <span className="text-4xl font-bold tabular-nums" data-testid="signature-count">
              {format.number(shown)}
            </span>{" "}
            <span className="text-lg">{t("signatures")}</span>
          </p>
        )}
        <VerifiedPart credibility={counts.data?.credibility ?? initialCredibility} />
        <div className="mt-2 h-3 overflow-hidden rounded bg-stone-200" aria-hidden="true">
          <div className="h-3 bg-brand-700" style={{ width: `${Math.min(100, ((shown ?? 0) / threshold) * 100)}%` }} />
        </div>
        <p className="text-sm text-stone-700">
          {t("goal", { threshold: format.number(threshold) })}
          {open ? ` · ${t("live")}` : ""}
        </p>
      </div>
      {verifiedOnly ? <p className="font-medium">{t("verifiedOnly")}</p> : null}
      <RetryNotice retry={sending.retry} />
      {error ? <Alert>{errorMessage(te, error)}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {!open ? (
        <p>{t("closedNote")}</p>
      ) : viewer === "unknown" ? (
        <p className="h-11" aria-busy="true" />
      ) : viewer === "anonymous" ? (
        <a href={withReturnTo("/sign-in", `/petitions/${petitionId}`)} className="font-medium text-blue-800 underline">
          {t("signInToSign")}
        </a>
      ) : viewer === "staff" ? (
        <p>{t("staffCannotSign")}</p>
      ) : signedOn ? (
        <div className="space-y-2">
          <Alert tone="success">{t("signed", { date: format.dateTime(signedOn, { dateStyle: "medium" }) })}</Alert>
          <Button variant="secondary" className="w-full" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ petitionId })}>
            {t("withdraw")}
          </Button>
        </div>
      ) : (
        <form onSubmit={onSign} onInput={pii.onInput} className="space-y-2">
          <label htmlFor="comment" className="block font-medium">
            {t("comment")}
          </label>
          <p id="comment-hint" className="text-sm text-stone-700">
            {t("commentHint")}
          </p>
          <textarea id="comment" name="comment" maxLength={280} rows={2} aria-describedby="comment-hint" className={inputStyles} />
          <PiiPreview scan={pii.scan} />
          <Button type="submit" className="w-full" disabled={sign.isPending || pii.scan.found}>
            {sign.isPending ? t("signing") : t("sign")}
          </Button>
        </form>
      )}
    </div>
  );
}
