"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

export function AnswerForm({ petitionId, initial }: { petitionId: string; initial: string }) {
  const t = useTranslations("petitions.platform");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  // The answer stays in the box and "sent" says it is published; no page refresh (issue 15).
  const answer = useMutation(trpc.petitions.answer.mutationOptions());
  const id = `answer-${petitionId}`;
  const pii = useFormPiiScan(["text"], [initial]);
  return (
    <form
      className="space-y-2"
      onInput={pii.onInput}
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate({ petitionId, text: String(new FormData(e.currentTarget).get("text") ?? "") });
      }}
    >
      <label htmlFor={id} className="block font-medium">
        {t("answer")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        {t("answerHint")}
      </p>
      <textarea id={id} name="text" required minLength={10} maxLength={5000} rows={4} defaultValue={initial} aria-describedby={`${id}-hint`} className={inputStyles} />
      <PiiPreview scan={pii.scan} />
      {answer.error ? <Alert>{errorMessage(te, answer.error)}</Alert> : null}
      {answer.isSuccess ? <Alert tone="success">{t("sent")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={answer.isPending || pii.scan.found}>
        {t("send")}
      </Button>
    </form>
  );
}
