"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { PiiPreview, usePiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { DAY_FORMAT } from "~/lib/days";
import { useTRPC } from "~/trpc/react";
import type { Principle } from "~/features/scorecard/method";
import { REASON_MAX } from "~/features/statements/schema";

export type QueuedStatement = { id: string; principle: Principle; text: string; evidence: string; submittedOn: Date; platform: { nameZh: string; nameEn: string } };

function QueueItem({ s, onDone }: { s: QueuedStatement; onDone: () => void }) {
  const t = useTranslations("statements.moderation");
  const tp = useTranslations("statements.public");
  const tm = useTranslations("scoreMethod.principle");
  const te = useTranslations("errors");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const moderate = useMutation(trpc.statements.moderate.mutationOptions({ onSuccess: onDone }));
  const [reason, setReason] = useState("");
  const scan = usePiiScan(reason);
  const decide = (decision: "APPROVED" | "REJECTED") => moderate.mutate({ statementId: s.id, decision, ...(decision === "REJECTED" && reason.trim() ? { reason } : {}) });
  const titleId = `statement-${s.id}`;

  return (
    <li className="space-y-2 rounded-xl border border-stone-300 bg-white p-4" aria-labelledby={titleId} data-testid="queued-statement">
      <h2 id={titleId} className="font-bold">
        {t("about", { platform: locale === "en" ? s.platform.nameEn : s.platform.nameZh, principle: tm(s.principle) })}
      </h2>
      <p className="text-sm text-stone-700">{format.dateTime(s.submittedOn, DAY_FORMAT)}</p>
      <p className="break-words whitespace-pre-line">{s.text}</p>
      <p className="text-sm font-medium">{tp("evidence")}</p>
      <p className="text-sm break-words whitespace-pre-line">{s.evidence}</p>
      <label htmlFor={`${titleId}-reason`} className="block font-medium">
        {t("reason")}
      </label>
      <textarea id={`${titleId}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={REASON_MAX} rows={2} className={inputStyles} />
      <PiiPreview scan={scan} />
      {moderate.error ? <Alert>{errorMessage(te, moderate.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => decide("APPROVED")} disabled={moderate.isPending}>
          {t("approve")}
        </Button>
        <Button variant="secondary" onClick={() => decide("REJECTED")} disabled={moderate.isPending || scan.found}>
          {t("reject")}
        </Button>
      </div>
    </li>
  );
}

/** Statements waiting for this moderator; the list is refetched after each decision. */
export function StatementQueue({ initial }: { initial: QueuedStatement[] }) {
  const t = useTranslations("statements.moderation");
  const trpc = useTRPC();
  const queue = useQuery(trpc.statements.queue.queryOptions(undefined, { initialData: initial }));
  const [done, setDone] = useState(false);
  const items = queue.data ?? initial;
  return (
    <div className="space-y-3">
      {done ? <Alert tone="success">{t("done")}</Alert> : null}
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="statement-queue">
          {items.map((s) => (
            <QueueItem
              key={s.id}
              s={s}
              onDone={() => {
                setDone(true);
                void queue.refetch();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
