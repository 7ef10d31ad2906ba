"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import { ANSWER_STATUSES, ANSWER_TEXT_MAX, isCommitment, type AnswerStatus } from "~/features/answers/schema";

type Props = {
  as: "platform" | "union";
  submissionId: string;
  itemId: string;
  /** The party's current answer, to start from. */
  initial: { status: AnswerStatus; text: string; dueOn: string | null } | null;
  /** Today, "YYYY-MM-DD": the earliest date a commitment may name. */
  minDate: string;
  /** Called with the stored answer: the desk asks its own query again (no page refresh). */
  onSaved: () => unknown;
};

export function AnswerForm({ as, submissionId, itemId, initial, minDate, onSaved }: Props) {
  const t = useTranslations("answers");
  const message = useErrorText();
  const trpc = useTRPC();
  const options = { onSuccess: onSaved };
  const platform = useMutation(trpc.answers.answerAsPlatform.mutationOptions(options));
  const union = useMutation(trpc.answers.answerAsUnion.mutationOptions(options));
  const save = as === "platform" ? platform : union;
  const [status, setStatus] = useState<AnswerStatus | null>(initial?.status ?? null);
  const id = `answer-${itemId}`;
  const pii = useFormPiiScan(["text"], [initial?.text ?? ""]);
  const needsDate = status !== null && isCommitment(status);

  return (
    <form
      className="space-y-3"
      onInput={pii.onInput}
      onSubmit={(e) => {
        e.preventDefault();
        if (!status || save.isPending || pii.scan.found) return;
        const form = new FormData(e.currentTarget);
        save.mutate({ submissionId, itemId, status, text: String(form.get("text") ?? ""), dueOn: needsDate ? String(form.get("dueOn") ?? "") || null : null });
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("desk.yourAnswer")}</legend>
        {ANSWER_STATUSES.map((s) => (
          <label key={s} className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3">
            <input type="radio" name="status" value={s} required checked={status === s} onChange={() => setStatus(s)} className="size-5" />
            {t(`status.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-text`} className="block font-medium">
          {t("desk.text")}
        </label>
        <p id={`${id}-text-hint`} className="text-sm text-stone-700">
          {t("desk.textHint")}
        </p>
        <textarea id={`${id}-text`} name="text" required maxLength={ANSWER_TEXT_MAX} rows={4} defaultValue={initial?.text ?? ""} aria-describedby={`${id}-text-hint`} className={inputStyles} />
      </div>
      {needsDate ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-due`} className="block font-medium">
            {t("desk.dueOn")}
          </label>
          <p id={`${id}-due-hint`} className="text-sm text-stone-700">
            {t("desk.dueHint")}
          </p>
          <input id={`${id}-due`} name="dueOn" type="date" required min={minDate} defaultValue={initial?.dueOn ?? ""} aria-describedby={`${id}-due-hint`} className={inputStyles} />
        </div>
      ) : null}
      <PiiPreview scan={pii.scan} />
      {save.error ? <Alert>{message(save.error)}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">{t("desk.saved")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={save.isPending || pii.scan.found}>
        {t("desk.save")}
      </Button>
    </form>
  );
}
