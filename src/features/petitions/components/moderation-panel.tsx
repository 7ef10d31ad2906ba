"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { errorMessage } from "~/lib/error-message";
import { useSettle } from "~/components/settles";
import { useTRPC } from "~/trpc/react";

// No page refresh after a decision (issue 15): a decided petition or comment leaves the desk
// (<Settles> in the page), a published petition's tools say what was saved.

/** Publish with a threshold, or reject with a public reason. */
export function ModerateForm({ petitionId }: { petitionId: string }) {
  const t = useTranslations("petitions.moderation");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const settle = useSettle();
  const moderate = useMutation(trpc.petitions.moderate.mutationOptions({ onSuccess: (_r, input) => settle(t(input.decision === "PUBLISH" ? "publishedNote" : "rejectedNote")) }));
  const pii = useFormPiiScan(["reason"]);
  const onPublish = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    moderate.mutate({ petitionId, decision: "PUBLISH", threshold: Number(new FormData(event.currentTarget).get("threshold")) || 1000 });
  };
  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    moderate.mutate({ petitionId, decision: "REJECT", reason: String(new FormData(event.currentTarget).get("reason") ?? "") });
  };
  return (
    <div className="space-y-3">
      {moderate.error ? <Alert>{errorMessage(te, moderate.error)}</Alert> : null}
      <form onSubmit={onPublish} className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={`threshold-${petitionId}`} className="block font-medium">
            {t("threshold")}
          </label>
          <input id={`threshold-${petitionId}`} name="threshold" type="number" min={1} defaultValue={1000} className={inputStyles} />
        </div>
        <Button type="submit" disabled={moderate.isPending}>
          {t("publish")}
        </Button>
      </form>
      <form onSubmit={onReject} onInput={pii.onInput} className="space-y-2">
        <label htmlFor={`reason-${petitionId}`} className="block font-medium">
          {t("reason")}
        </label>
        <textarea id={`reason-${petitionId}`} name="reason" required minLength={5} maxLength={1000} rows={2} className={inputStyles} />
        <PiiPreview scan={pii.scan} />
        <Button type="submit" variant="danger" disabled={moderate.isPending || pii.scan.found}>
          {t("reject")}
        </Button>
      </form>
    </div>
  );
}

/** Threshold changes and delivery to parties outside the portal, for a published petition. */
export function PublishedTools({ petitionId, threshold }: { petitionId: string; threshold: number }) {
  const t = useTranslations("petitions.moderation");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const setThreshold = useMutation(trpc.petitions.setThreshold.mutationOptions());
  const deliver = useMutation(trpc.petitions.recordDelivery.mutationOptions());
  const pii = useFormPiiScan(["deliveredTo"]);
  const error = setThreshold.error ?? deliver.error;
  return (
    <div className="space-y-3">
      {error ? <Alert>{errorMessage(te, error)}</Alert> : null}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setThreshold.mutate({ petitionId, threshold: Number(new FormData(e.currentTarget).get("threshold")) });
        }}
      >
        <div className="flex-1">
          <label htmlFor={`th-${petitionId}`} className="block font-medium">
            {t("threshold")}
          </label>
          <input id={`th-${petitionId}`} name="threshold" type="number" min={1} defaultValue={threshold} className={inputStyles} />
        </div>
        <Button type="submit" variant="secondary" disabled={setThreshold.isPending}>
          {t("setThreshold")}
        </Button>
      </form>
      <form
        className="space-y-2"
        onInput={pii.onInput}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          deliver.mutate({ petitionId, deliveredTo: String(f.get("deliveredTo") ?? ""), deliveredOn: String(f.get("deliveredOn") ?? "") });
        }}
      >
        <label htmlFor={`to-${petitionId}`} className="block font-medium">
          {t("deliveredTo")}
        </label>
        <input id={`to-${petitionId}`} name="deliveredTo" required minLength={2} maxLength={120} className={inputStyles} />
        <label htmlFor={`on-${petitionId}`} className="block font-medium">
          {t("deliveredOn")}
        </label>
        <input id={`on-${petitionId}`} name="deliveredOn" type="date" required className={inputStyles} />
        <PiiPreview scan={pii.scan} />
        <Button type="submit" variant="secondary" disabled={deliver.isPending || pii.scan.found}>
          {t("recordDelivery")}
        </Button>
      </form>
      {setThreshold.isSuccess || deliver.isSuccess ? <Alert tone="success">{t("done")}</Alert> : null}
    </div>
  );
}

export function CommentDecision({ signatureId }: { signatureId: string }) {
  const t = useTranslations("petitions.moderation");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const settle = useSettle();
  const decide = useMutation(trpc.petitions.moderateComment.mutationOptions({ onSuccess: (_r, input) => settle(t(input.decision === "APPROVED" ? "commentApproved" : "commentRejected")) }));
  return (
    <div className="flex gap-2">
      {decide.error ? <Alert>{errorMessage(te, decide.error)}</Alert> : null}
      <Button variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ signatureId, decision: "APPROVED" })}>
        {t("approve")}
      </Button>
      <Button variant="danger" disabled={decide.isPending} onClick={() => decide.mutate({ signatureId, decision: "REJECTED" })}>
        {t("reject")}
      </Button>
    </div>
  );
}
