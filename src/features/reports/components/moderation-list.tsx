"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

type Item = { id: string; narrative: string; month: string; platformName: string };

export function ModerationList({ items }: { items: Item[] }) {
  const t = useTranslations("reports.moderation");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  // A decided story leaves the list from the answer (issue 15: no page refresh after a write).
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const moderate = useMutation(trpc.reports.moderate.mutationOptions({ onSuccess: (_r, input) => setDecided((d) => new Set(d).add(input.id)) }));
  const open = items.filter((i) => !decided.has(i.id));
  if (!open.length) {
    return (
      <div className="space-y-3">
        {moderate.isSuccess ? <Alert tone="success">{t("done")}</Alert> : null}
        <p>{t("none")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {moderate.error ? <Alert>{errorMessage(te, moderate.error)}</Alert> : null}
      {moderate.isSuccess ? <Alert tone="success">{t("done")}</Alert> : null}
      <ul className="space-y-3" data-testid="moderation-list">
        {open.map((item) => (
          <li key={item.id} className="space-y-2 rounded-lg border border-stone-300 bg-white p-3">
            <p className="text-sm text-stone-700">{t("meta", { platform: item.platformName, month: item.month })}</p>
            <blockquote className="break-words whitespace-pre-wrap">{item.narrative}</blockquote>
            <div className="flex gap-2">
              <Button className="flex-1" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: item.id, decision: "APPROVED" })}>
                {t("approve")}
              </Button>
              <Button variant="secondary" className="flex-1" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: item.id, decision: "REJECTED" })}>
                {t("reject")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
