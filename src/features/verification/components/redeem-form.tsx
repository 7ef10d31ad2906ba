"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/features/campaigns/components/write-feedback";

export function RedeemForm({ initialCode }: { initialCode: string }) {
  const t = useTranslations("campaigns.verify");
  const locale = useLocale();
  const message = useErrorText();
  const trpc = useTRPC();
  const [code, setCode] = useState(initialCode);
  const redeem = useMutation(trpc.verification.redeem.mutationOptions());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    redeem.mutate({ code });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <Field id="invite-code" label={t("code")}>
        <input id="invite-code" required autoComplete="off" autoCapitalize="characters" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} className={`${inputStyles} font-mono`} />
      </Field>
      {redeem.error ? <Alert>{message(redeem.error)}</Alert> : null}
      {redeem.data ? <Alert tone="success">{t("done", { union: locale === "en" ? redeem.data.nameEn : redeem.data.nameZh })}</Alert> : null}
      <Button type="submit" className="w-full" disabled={redeem.isPending || !code.trim()}>
        {t("submit")}
      </Button>
    </form>
  );
}
