"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert, Button, Card } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

export function JoinFlow({ next }: { next?: string | null }) {
  const t = useTranslations("accounts.join");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.accounts.create.mutationOptions());
  const [copied, setCopied] = useState(false);
  const [saved, setSaved] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [continuing, setContinuing] = useState(false);
  const savedId = useId();

  if (!create.data) {
    return (
      <div className="space-y-4">
        <p className="text-lg">{t("explain")}</p>
        {create.error ? <Alert>{errorMessage(te, create.error)}</Alert> : null}
        <Button className="w-full" disabled={create.isPending} onClick={() => create.mutate()}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
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
    router.push(next ?? "/me");
    router.refresh();
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
