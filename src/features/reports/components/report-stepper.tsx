"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert, Button } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { postWrite } from "~/lib/post-write";
import { RetryNotice, useRetry } from "~/components/retry-notice";
import { STEPS, type ReportInput } from "~/features/reports/schema";
import { parseAll, stepErrors, type FormValues } from "~/features/reports/form";
import { ReportStep } from "~/features/reports/components/report-steps";

// The draft of a new report lives only in this browser's localStorage until it is submitted.
// v2: the screens changed (issue 16's costs screen), so a v1 draft's step number would land wrong.
const DRAFT_KEY = "wv-report-draft-v2";
const STEP_KEYS = ["where", "time", "pay", "costs", "insurance", "safety", "story"] as const;

type Props = {
  initial: FormValues;
  editId?: string;
  platforms: { slug: string; name: string }[];
  months: string[];
  existing: { platformSlug: string; month: string }[];
};

export function ReportStepper({ initial, editId, platforms, months, existing }: Props) {
  const t = useTranslations("reports");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(initial);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<ReadonlySet<string>>(new Set());
  const [confirmed, setConfirmed] = useState(false);
  const [restored, setRestored] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const done = () => {
    if (!editId) localStorage.removeItem(DRAFT_KEY);
    // A navigation, not a refresh: /reports is the shared page, and its personal request (asked
    // afresh when the page mounts) brings the worker's list with this report in it.
    router.push(editId ? "/reports?updated=1" : "/reports?filed=1");
  };
  const sending = useRetry();
  const submit = useMutation({ mutationFn: (input: ReportInput) => postWrite<{ id: string }>("/api/reports", input, sending), onSuccess: done, onSettled: sending.settled, networkMode: "always" });
  const update = useMutation({ mutationFn: (input: { id: string; report: ReportInput }) => postWrite<unknown>("/api/reports/update", input, sending), onSuccess: done, onSettled: sending.settled, networkMode: "always" });
  const mutation = editId ? update : submit;

  useEffect(() => {
    if (editId) return;
    try {
      const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null") as { values: FormValues; step: number } | null;
      if (saved?.values) {
        // Restoring a saved draft is exactly a sync from an external store on mount.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValues({ ...initial, ...saved.values, month: months.includes(saved.values.month ?? "") ? saved.values.month : initial.month });
        setStep(Math.min(Math.max(saved.step, 0), STEPS.length - 1));
        setRestored(true);
      }
    } catch {
      localStorage.removeItem(DRAFT_KEY);
    }
  }, [editId, initial, months]);

  useEffect(() => {
    if (!editId && values !== initial) localStorage.setItem(DRAFT_KEY, JSON.stringify({ values, step }));
  }, [editId, values, step, initial]);

  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (!prev.has(key)) return prev;
      const next = new Set(prev);
      next.delete(key);
      return next;
    });
  };
  const go = (to: number) => {
    moved.current = true;
    setStep(to);
    window.scrollTo({ top: 0 });
  };
  const check = () => {
    const bad = stepErrors(values, step);
    setErrors(new Set(bad));
    if (bad.length) document.querySelector<HTMLElement>(`[data-field="${bad[0]}"] input, [data-field="${bad[0]}"] select, [data-field="${bad[0]}"] textarea`)?.focus();
    return bad.length === 0;
  };
  const last = step === STEPS.length - 1;
  const needsConfirm = !!values.narrative?.trim() && !confirmed;
  const onNext = () => {
    if (!check()) return;
    if (!last) return go(step + 1);
    if (needsConfirm) return;
    const parsed = parseAll(values);
    if (!parsed.success) return;
    const input: ReportInput = parsed.data;
    if (editId) update.mutate({ id: editId, report: input });
    else submit.mutate(input);
  };
  const replacing = !editId && existing.some((e) => e.platformSlug === values.platformSlug && e.month === values.month);

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      <div>
        <p className="text-sm font-medium text-stone-700">{t("stepOf", { step: step + 1, total: STEPS.length })}</p>
        <div className="mt-1 h-2 rounded bg-stone-200" aria-hidden="true">
          <div className="h-2 rounded bg-brand-700" style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
        </div>
        <h2 ref={heading} tabIndex={-1} className="mt-3 text-xl font-bold outline-none">
          {t(`steps.${STEP_KEYS[step]!}`)}
        </h2>
      </div>
      {restored && step === 0 ? (
        <Alert tone="info">
          <p>{t("draftRestored")}</p>
          <button
            type="button"
            className="mt-1 min-h-11 font-semibold underline"
            onClick={() => {
              localStorage.removeItem(DRAFT_KEY);
              setValues(initial);
              setRestored(false);
            }}
          >
            {t("discardDraft")}
          </button>
        </Alert>
      ) : null}
      {step === 0 && !editId ? <p className="text-sm text-stone-700">{t("draftNote")}</p> : null}
      {replacing && step === 0 ? <Alert tone="warning">{t("hint.existing")}</Alert> : null}

      <ReportStep step={step} values={values} set={set} errors={errors} platforms={platforms} months={months} editing={!!editId} confirmed={confirmed} setConfirmed={setConfirmed} />

      {errors.size ? <Alert>{t("fixErrors", { fields: [...errors].map((f) => t(`f.${f}` as never)).join("、") })}</Alert> : null}
      {last && needsConfirm ? <Alert tone="warning">{t("preview.confirmNeeded")}</Alert> : null}
      <RetryNotice retry={sending.retry} />
      {mutation.error ? <Alert>{errorMessage(te, mutation.error)}</Alert> : null}

      <div className="sticky bottom-16 flex gap-3 bg-white/95 py-2">
        {step > 0 ? (
          <Button variant="secondary" className="flex-1" onClick={() => go(step - 1)}>
            {tc("back")}
          </Button>
        ) : null}
        <Button type="submit" className="flex-1" disabled={mutation.isPending || (last && needsConfirm)}>
          {last ? (mutation.isPending ? tc("saving") : editId ? t("saveChanges") : t("submit")) : tc("next")}
        </Button>
      </div>
    </form>
  );
}
