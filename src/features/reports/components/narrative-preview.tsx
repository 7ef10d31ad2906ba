"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { inputStyles } from "~/components/ui";
import { usePiiSummary } from "~/components/pii-preview";
import { redactPii } from "~/lib/pii/scan";
import { NARRATIVE_MAX } from "~/features/reports/schema";

/** The optional narrative, with the text that will be stored shown redacted underneath (P5). */
export function NarrativePreview({
  value,
  onChange,
  error,
  confirmed,
  setConfirmed,
}: { value: string; onChange: (v: string) => void; error: string | null; confirmed: boolean; setConfirmed: (v: boolean) => void }) {
  const t = useTranslations("reports");
  const redacted = useMemo(() => redactPii(value.trim()), [value]);
  const summary = usePiiSummary()(redacted.found);
  return (
    <div className="space-y-3" data-field="narrative">
      <div className="space-y-1">
        <label htmlFor="narrative" className="block font-semibold">
          {t("f.narrative")}
        </label>
        <p id="narrative-hint" className="text-sm text-stone-700">
          {t("hint.narrative")}
        </p>
        <textarea
          id="narrative"
          rows={5}
          maxLength={NARRATIVE_MAX}
          className={inputStyles}
          aria-describedby="narrative-hint"
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setConfirmed(false);
          }}
        />
        <p className="text-right text-sm text-stone-700">
          {value.length} / {NARRATIVE_MAX}
        </p>
      </div>
      {value.trim() ? (
        <section aria-labelledby="preview-title" className="space-y-2 rounded-lg border border-stone-400 bg-stone-50 p-3">
          <h3 id="preview-title" className="font-semibold">
            {t("preview.title")}
          </h3>
          <p data-testid="narrative-preview" className="break-words whitespace-pre-wrap">
            {redacted.text}
          </p>
          <p role="status" className="text-sm font-medium text-stone-800">
            {summary ? t("preview.removed", { summary }) : t("preview.nothing")}
          </p>
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" className="size-5" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t("preview.confirm")}
          </label>
        </section>
      ) : null}
    </div>
  );
}
