"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, Card, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { DAY_FORMAT } from "~/lib/days";
import { useTRPC } from "~/trpc/react";
import { PRINCIPLES, type Principle } from "~/features/scorecard/method";
import { STATEMENT_EVIDENCE_MAX, STATEMENT_TEXT_MAX, type StatementStatus } from "~/features/statements/schema";

export type DeskStatement = { id: string; principle: Principle; text: string; evidence: string; status: StatementStatus; submittedOn: Date; rejectionReason: string | null };

const STATUS_TONE: Record<StatementStatus, string> = {
  PENDING: "bg-amber-100 text-amber-950",
  APPROVED: "bg-green-100 text-green-900",
  REJECTED: "bg-stone-200 text-stone-900",
};

function LongText({ name, label, hint, min, max, rows }: { name: string; label: string; hint: string; min: number; max: number; rows: number }) {
  const id = `statement-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        {hint}
      </p>
      <textarea id={id} name={name} required minLength={min} maxLength={max} rows={rows} aria-describedby={`${id}-hint`} className={inputStyles} />
    </div>
  );
}

/** The representative's statements desk: a form per statement and their platform's statements with their state. */
export function StatementDesk({ initial }: { initial: DeskStatement[] }) {
  const t = useTranslations("statements.desk");
  const tm = useTranslations("scoreMethod.principle");
  const te = useTranslations("errors");
  const format = useFormatter();
  const trpc = useTRPC();
  const mine = useQuery(trpc.statements.mine.queryOptions(undefined, { initialData: initial }));
  const submit = useMutation(trpc.statements.submit.mutationOptions({ onSuccess: () => void mine.refetch() }));
  const pii = useFormPiiScan(["text", "evidence"]);
  const [principle, setPrinciple] = useState<Principle>("pay");
  const statements = mine.data ?? initial;

  return (
    <div className="space-y-4">
      <Card>
        <form
          className="space-y-3"
          aria-labelledby="statement-form-title"
          onInput={pii.onInput}
          onSubmit={(e) => {
            e.preventDefault();
            if (submit.isPending || pii.scan.found) return;
            const form = e.currentTarget;
            const data = new FormData(form);
            submit.mutate({ principle, text: String(data.get("text") ?? ""), evidence: String(data.get("evidence") ?? "") }, { onSuccess: () => form.reset() });
          }}
        >
          <h2 id="statement-form-title" className="text-lg font-bold">
            {t("formTitle")}
          </h2>
          <div className="space-y-1">
            <label htmlFor="statement-principle" className="block font-medium">
              {t("principle")}
            </label>
            <select id="statement-principle" value={principle} onChange={(e) => setPrinciple(e.target.value as Principle)} className={inputStyles}>
              {PRINCIPLES.map((p) => (
                <option key={p} value={p}>
                  {tm(p)}
                </option>
              ))}
            </select>
          </div>
          <LongText name="text" label={t("text")} hint={t("textHint")} min={10} max={STATEMENT_TEXT_MAX} rows={5} />
          <LongText name="evidence" label={t("evidence")} hint={t("evidenceHint")} min={4} max={STATEMENT_EVIDENCE_MAX} rows={3} />
          <PiiPreview scan={pii.scan} />
          {submit.error ? <Alert>{errorMessage(te, submit.error)}</Alert> : null}
          {submit.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
          <Button type="submit" className="w-full" disabled={submit.isPending || pii.scan.found}>
            {t("submit")}
          </Button>
        </form>
      </Card>

      <section className="space-y-2" aria-labelledby="my-statements">
        <h2 id="my-statements" className="text-lg font-bold">
          {t("mineTitle")}
        </h2>
        {statements.length === 0 ? (
          <p>{t("mineNone")}</p>
        ) : (
          <ul className="space-y-2" data-testid="my-statements">
            {statements.map((s) => (
              <li key={s.id} className="space-y-1 rounded-xl border border-stone-300 bg-white p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{tm(s.principle)}</span>
                  <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_TONE[s.status]}`}>{t(`status.${s.status}`)}</span>
                </p>
                <p className="break-words whitespace-pre-line">{s.text}</p>
                <p className="text-sm break-words whitespace-pre-line text-stone-700">{s.evidence}</p>
                <p className="text-sm text-stone-700">{t("submittedOn", { date: format.dateTime(s.submittedOn, DAY_FORMAT) })}</p>
                {s.rejectionReason ? <p className="text-sm">{t("reason", { reason: s.rejectionReason })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
