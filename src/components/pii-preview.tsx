"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui";
import { countKinds, redactPii, type PiiKind, type PiiMatch } from "~/lib/pii/scan";

/** The fields' texts scanned as the server will scan them; `found` disables the submit button. */
export function usePiiScan(...texts: string[]) {
  // Keyed by the texts' content (a NUL never comes from a form field), so typing elsewhere on
  // the page does not scan again.
  const key = texts.join("\u0000");
  return useMemo(() => {
    const scans = key.split("\u0000").map((t) => redactPii(t));
    return { scans, found: scans.some((s) => s.found.length > 0) };
  }, [key]);
}

/** "phone number × 1, street address × 2": what the scanner found, in the reader's language. */
export function usePiiSummary() {
  const t = useTranslations("common.pii.kind");
  return (found: readonly PiiMatch[]) =>
    (Object.entries(countKinds(found)) as [PiiKind, number][]).map(([kind, n]) => `${t(kind)} × ${n}`).join(", ");
}

/**
 * Shows, while the worker types, which parts of these fields the server would refuse (PRIVACY.md
 * P5): the kinds found and each field with them marked. Nothing is shown for clean text.
 */
/** The same scan for an uncontrolled form: attach `onInput` to the form; names are its fields. */
export function useFormPiiScan(names: readonly string[], initial: readonly string[] = []) {
  const [texts, setTexts] = useState(() => names.map((_, i) => initial[i] ?? ""));
  const scan = usePiiScan(...texts);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    setTexts(names.map((n) => String(form.get(n) ?? "")));
  };
  return { scan, onInput };
}

export function PiiPreview({ scan }: { scan: ReturnType<typeof usePiiScan> }) {
  const t = useTranslations("common.pii");
  const summary = usePiiSummary();
  if (!scan.found) return null;
  const dirty = scan.scans.filter((s) => s.found.length > 0);
  return (
    <Alert tone="warning">
      <p>{t("found", { summary: summary(dirty.flatMap((s) => s.found)) })}</p>
      {dirty.map((s, i) => (
        <p key={i} data-testid="pii-preview" className="mt-1 font-medium break-words whitespace-pre-wrap">
          {s.text}
        </p>
      ))}
    </Alert>
  );
}
