"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { PETITION_LIMITS, type StartPetitionInput } from "~/features/petitions/schema";
import { useTRPC } from "~/trpc/react";

type Option = { id: string; name: string };

export function StartForm({ platforms, unions, campaignId }: { platforms: Option[]; unions: Option[]; campaignId?: string }) {
  const t = useTranslations("petitions");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<"PLATFORM" | "UNION" | "OTHER">("PLATFORM");
  const pii = useFormPiiScan(["title", "ask", "reason", "targetName"]);
  const start = useMutation(trpc.petitions.start.mutationOptions({ onSuccess: ({ id }) => router.push(`/petitions/${id}?created=1`) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    const target: StartPetitionInput["target"] =
      kind === "PLATFORM" ? { kind, platformId: get("platformId") } : kind === "UNION" ? { kind, unionId: get("unionId") } : { kind, name: get("targetName") };
    start.mutate({ title: get("title"), ask: get("ask"), reason: get("reason"), target, durationDays: Number(get("durationDays")) || 90, ...(campaignId ? { campaignId } : {}) });
  };

  return (
    <form onSubmit={onSubmit} onInput={pii.onInput} className="space-y-4">
      <Field id="title" label={t("new.titleLabel")} hint={t("new.titleHint")}>
        <input id="title" name="title" required minLength={8} maxLength={PETITION_LIMITS.title} aria-describedby="title-hint" className={inputStyles} />
      </Field>
      <Field id="ask" label={t("new.askLabel")}>
        <textarea id="ask" name="ask" required minLength={10} maxLength={PETITION_LIMITS.ask} rows={3} className={inputStyles} />
      </Field>
      <Field id="reason" label={t("new.reasonLabel")} hint={t("new.reasonHint")}>
        <textarea id="reason" name="reason" required minLength={10} maxLength={PETITION_LIMITS.reason} rows={5} aria-describedby="reason-hint" className={inputStyles} />
      </Field>
      <fieldset>
        <legend className="mb-1 font-medium">{t("new.targetKind")}</legend>
        {(["PLATFORM", "UNION", "OTHER"] as const).map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="kind" value={k} className="size-5" checked={kind === k} onChange={() => setKind(k)} />
            {t(`target.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === "PLATFORM" ? (
        <Field id="platformId" label={t("new.platform")}>
          <select id="platformId" name="platformId" className={inputStyles}>
            {platforms.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : kind === "UNION" ? (
        <Field id="unionId" label={t("new.union")}>
          <select id="unionId" name="unionId" className={inputStyles}>
            {unions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field id="targetName" label={t("new.targetName")}>
          <input id="targetName" name="targetName" required minLength={2} maxLength={PETITION_LIMITS.targetName} className={inputStyles} />
        </Field>
      )}
      <Field id="durationDays" label={t("new.duration")} hint={t("new.durationHint")}>
        <input id="durationDays" name="durationDays" type="number" min={7} max={365} defaultValue={90} aria-describedby="durationDays-hint" className={inputStyles} />
      </Field>
      <PiiPreview scan={pii.scan} />
      {start.error ? <Alert>{errorMessage(te, start.error)}</Alert> : null}
      <Button type="submit" className="w-full" disabled={start.isPending || pii.scan.found}>
        {t("new.submit")}
      </Button>
    </form>
  );
}
