"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { MAX_CODE_DAYS } from "~/features/verification/schema";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/features/campaigns/components/write-feedback";

type Stats = { open: number; expired: number; verified: number };

/** The union's code counts: its own small query, asked again after codes are made. */
export function InviteStats({ initial }: { initial: Stats }) {
  const t = useTranslations("campaigns.invites");
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.verification.stats.queryOptions(), initialData: initial, staleTime: Infinity });
  return (
    <p className="text-sm text-stone-700" data-testid="invite-stats">
      {t("stats", stats.data)}
    </p>
  );
}

export function InviteCodes() {
  const t = useTranslations("campaigns.invites");
  const message = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.verification.createCodes.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.verification.stats.queryKey() }) }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    create.mutate({ count: Number(f.get("count")), days: Number(f.get("days")) });
  };
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3 print:hidden">
        <Field id="code-count" label={t("count")}>
          <input id="code-count" name="count" type="number" min={1} max={50} defaultValue={5} required className={inputStyles} />
        </Field>
        <Field id="code-days" label={t("days")}>
          <input id="code-days" name="days" type="number" min={1} max={MAX_CODE_DAYS} defaultValue={7} required className={inputStyles} />
        </Field>
        {create.error ? <Alert>{message(create.error)}</Alert> : null}
        <Button type="submit" className="w-full" disabled={create.isPending}>
          {t("generate")}
        </Button>
      </form>
      {create.data ? (
        <section className="space-y-3">
          <p className="font-medium">{t("expires", { date: create.data.expiresOn.toISOString().slice(0, 10) })}</p>
          <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
            {t("print")}
          </Button>
          <ul className="grid gap-3" data-testid="invite-codes">
            {create.data.codes.map((c) => (
              <li key={c.code} className="flex items-center gap-3 rounded-lg border border-stone-400 bg-white p-2 break-inside-avoid">
                {/* eslint-disable-next-line @next/next/no-img-element -- a server-drawn data URL, not a remote image */}
                <img src={c.qr} alt={t("qrAlt", { code: c.code })} width={120} height={120} className="shrink-0" />
                <div className="min-w-0 space-y-1">
                  <p className="font-mono text-lg font-bold break-all" data-testid="invite-code">
                    {c.code}
                  </p>
                  <p className="text-sm break-all text-stone-700">{c.link}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
