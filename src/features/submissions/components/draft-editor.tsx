"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { PiiPreview, usePiiScan } from "~/components/pii-preview";
import { useTRPC } from "~/trpc/react";
import { useDraftSaved } from "~/features/submissions/components/draft-preview";

type Props = {
  campaignId: string;
  currentVersion: number;
  initial: { coverLetter: string; responseDays: number; changelog: string; includeScorecard: boolean };
  /** Set once published: the response clock no longer changes. */
  respondBy: string | null;
  /** After a publication: the desk asks its own query again (submission-desk.tsx). */
  onPublished: () => unknown;
};

/** Cover letter, response period and changelog; saves the draft or publishes the next version. */
export function DraftEditor({ campaignId, currentVersion, initial, respondBy, onPublished }: Props) {
  const t = useTranslations("submissions.organiser");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [coverLetter, setCoverLetter] = useState(initial.coverLetter);
  const [responseDays, setResponseDays] = useState(initial.responseDays);
  const [changelog, setChangelog] = useState(initial.changelog);
  const [includeScorecard, setIncludeScorecard] = useState(initial.includeScorecard);
  const saved = useDraftSaved();
  // A saved draft updates the preview's cover letter and date only (draft-preview.tsx); the
  // compiled figures around them did not change; the scorecards section, compiled for the preview
  // either way, is shown or hidden. Publishing adds a version: the desk's own query is asked again
  // (the version list, the link, the next version's number), not the page.
  const save = useMutation(
    trpc.submissions.saveDraft.mutationOptions({
      onSuccess: (_r, input) => saved({ coverLetter: input.coverLetter, responseDays: input.responseDays, includeScorecard: input.includeScorecard ?? false }),
    }),
  );
  const publish = useMutation(
    trpc.submissions.publish.mutationOptions({
      onSuccess: () => {
        setChangelog("");
        void onPublished();
      },
    }),
  );
  const correction = currentVersion > 0;
  const pii = usePiiScan(coverLetter, changelog);
  const busy = save.isPending || publish.isPending;
  const input = { campaignId, coverLetter, responseDays, changelog, includeScorecard };
  const error = save.error ?? publish.error;

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.reset();
        publish.mutate({ ...input, expectedVersion: currentVersion });
      }}
    >
      <Field id="cover-letter" label={t("coverLetter")} hint={t("coverHint")}>
        <textarea
          id="cover-letter"
          required
          minLength={10}
          maxLength={10000}
          rows={8}
          value={coverLetter}
          aria-describedby="cover-letter-hint"
          onChange={(e) => setCoverLetter(e.target.value)}
          className={inputStyles}
        />
      </Field>
      {respondBy ? (
        <p className="text-sm">{t("responseFixed", { date: respondBy })}</p>
      ) : (
        <Field id="response-days" label={t("responseDays")} hint={t("responseDaysHint")}>
          <input
            id="response-days"
            type="number"
            inputMode="numeric"
            required
            min={7}
            max={180}
            value={responseDays}
            aria-describedby="response-days-hint"
            onChange={(e) => setResponseDays(Number(e.target.value))}
            className={inputStyles}
          />
        </Field>
      )}
      {correction ? (
        <Field id="changelog" label={t("changelog")} hint={t("changelogHint")}>
          <textarea id="changelog" required maxLength={2000} rows={3} value={changelog} aria-describedby="changelog-hint" onChange={(e) => setChangelog(e.target.value)} className={inputStyles} />
        </Field>
      ) : null}
      <div className="flex items-start gap-3">
        <input
          id="include-scorecard"
          type="checkbox"
          checked={includeScorecard}
          aria-describedby="include-scorecard-hint"
          onChange={(e) => setIncludeScorecard(e.target.checked)}
          className="mt-1 size-6 shrink-0 accent-brand-700"
        />
        <div>
          <label htmlFor="include-scorecard" className="font-medium">
            {t("includeScorecard")}
          </label>
          <p id="include-scorecard-hint" className="text-sm text-stone-700">
            {t("includeScorecardHint")}
          </p>
        </div>
      </div>
      <PiiPreview scan={pii} />
      {error ? <Alert>{errorMessage(te, error)}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
      {publish.isSuccess ? <Alert tone="success">{t("publishedNow", { version: publish.data.version })}</Alert> : null}
      <p className="text-sm text-stone-700">{t("publishNote")}</p>
      <div className="flex flex-col gap-2">
        <Button
          variant="secondary"
          disabled={busy || pii.found}
          onClick={() => {
            publish.reset();
            save.mutate(input);
          }}
        >
          {t("saveDraft")}
        </Button>
        <Button type="submit" disabled={busy || pii.found}>
          {correction ? t("publishCorrection", { version: currentVersion + 1 }) : t("publish")}
        </Button>
      </div>
    </form>
  );
}
