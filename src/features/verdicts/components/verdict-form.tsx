"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/lib/error-message";
import { VERDICT_VALUES, type VerdictValue } from "~/features/verdicts/outcome";

/** "Was this done?" for one commitment; the worker can change their answer later. */
export function VerdictForm({ answerId, initial }: { answerId: string; initial: VerdictValue | null }) {
  const t = useTranslations("verdicts.form");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [choice, setChoice] = useState<VerdictValue | null>(initial);
  const [saved, setSaved] = useState<VerdictValue | null>(initial);
  const give = useMutation(trpc.verdicts.give.mutationOptions({ onSuccess: (r) => setSaved(r.value) }));
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice && !give.isPending) give.mutate({ answerId, value: choice });
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-semibold">{t("legend")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {VERDICT_VALUES.map((v) => (
            <label key={v} className="flex min-h-11 items-center justify-center gap-2 rounded-lg border border-stone-400 px-2">
              <input type="radio" name={`verdict-${answerId}`} value={v} required checked={choice === v} onChange={() => setChoice(v)} className="size-5" />
              {t(v)}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-sm text-stone-700">{t("anonymous")}</p>
      {saved ? <p className="font-medium">{t("yours", { value: t(saved) })}</p> : null}
      {give.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
      {give.error ? <Alert>{errorMessage(te, give.error)}</Alert> : null}
      <Button type="submit" variant={saved ? "secondary" : "primary"} className="w-full" disabled={give.isPending || !choice}>
        {saved ? t("change") : t("send")}
      </Button>
    </form>
  );
}
