"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, Button, Card } from "~/components/ui";
import { JOIN_POW, solveChallenge } from "~/features/accounts/solve-challenge";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { useForgetPageState } from "~/features/personal/components/page-state";

export function JoinFlow({ next }: { next?: string | null }) {
  const t = useTranslations("accounts.join");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const forget = useForgetPageState();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.accounts.create.mutationOptions());
  // The proof of work runs before the account is asked for: "checking" while the phone solves.
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState(0);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const [saved, setSaved] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [continuing, setContinuing] = useState(false);
  const savedId = useId();

  const start = async () => {
    setCheckError(null);
    setChecking(true);
    setProgress(0);
    try {
      // A fresh challenge each tap: a spent or expired one is refused.
      const challenge = await queryClient.fetchQuery({ ...trpc.accounts.challenge.queryOptions(), staleTime: 0, gcTime: 0 });
      const solution = await solveChallenge(challenge, {
        maxCounter: JOIN_POW.maxCounter,
        onProgress: (tried) => setProgress(Math.min(99, Math.round((tried / JOIN_POW.maxCounter) * 100))),
      });
      if (solution) create.mutate({ challenge, solution });
      else setCheckError("POW_INVALID");
    } catch (err) {
      setCheckError(err);
    } finally {
      setChecking(false);
    }
  };

  if (!create.data) {
    const error = checkError ?? create.error;
    return (
      <div className="space-y-4">
        <p className="text-lg">{t("explain")}</p>
        {error ? <Alert>{errorMessage(te, error)}</Alert> : null}
        <Button className="w-full" disabled={checking || create.isPending} onClick={start}>
          {checking ? t("checking") : create.isPending ? t("creating") : t("create")}
        </Button>
        {checking ? (
          <div className="space-y-2">
            <p role="status" className="text-base">
              {t("checkingExplain")}
            </p>
            <div
              role="progressbar"
              aria-label={t("checking")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress}
              className="h-2 w-full overflow-hidden rounded bg-stone-200"
            >
              <div className="h-full bg-brand-700" style={{ width: `${progress}%` }} />
            </div>
          </div>
        ) : (
          <p className="text-sm text-stone-700">{t("checkingNote")}</p>
        )}
      </div>
    );
  }

  const { pseudonym, key } = create.data;
  const download = () => {
    const blob = new Blob([t("fileText", { pseudonym, key })], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `worker-voice-${pseudonym}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(key).catch(() => undefined);
    setCopied(true);
  };
  const proceed = async () => {
    setContinuing(true);
    setSignInError(null);
    const result = await signIn("worker-key", { key, redirect: false });
    if (result?.error) {
      setSignInError(errorMessage(te, result.error));
      setContinuing(false);
      return;
    }
    // A navigation to the next page, not a refresh of this one (issue 15): the pages render no
    // session, so only the personal state read before signing in is stale, and it is dropped.
    forget();
    router.push(next ?? "/me");
  };

  return (
    <div className="space-y-4">
      <Alert tone="warning">
        <p className="font-bold">{t("warningTitle")}</p>
        <p>{t("warning")}</p>
      </Alert>
      <Card className="space-y-3">
        <div>
          <p className="text-sm font-medium text-stone-700">{t("yourName")}</p>
          <p className="text-xl font-bold" data-testid="pseudonym">
            {pseudonym}
          </p>
        </div>
        <div>
          <p className="text-sm font-medium text-stone-700">{t("yourKey")}</p>
          <p className="rounded-lg bg-stone-100 p-3 font-mono text-lg tracking-wide" data-testid="account-key">
            {key.split("-").map((group, i) => (
              <span key={i} className="whitespace-nowrap">
                {i > 0 ? "-" : ""}
                {group}
                <wbr />
              </span>
            ))}
          </p>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <Button variant="secondary" onClick={copy}>
            {copied ? t("copied") : t("copy")}
          </Button>
          <Button variant="secondary" onClick={download}>
            {t("download")}
          </Button>
        </div>
        <p aria-live="polite" className="sr-only">
          {copied ? t("copied") : ""}
        </p>
      </Card>
      <div className="flex min-h-11 items-center gap-3">
        <input id={savedId} type="checkbox" className="size-6" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor={savedId} className="text-base font-medium">
          {t("confirm")}
        </label>
      </div>
      {signInError ? <Alert>{signInError}</Alert> : null}
      <Button className="w-full" disabled={!saved || continuing} onClick={proceed}>
        {t("continue")}
      </Button>
    </div>
  );
}
