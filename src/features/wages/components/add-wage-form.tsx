"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { addWageInput, WAGE_CITIES, WAGE_KINDS } from "~/features/wages/schema";

const FIELDS = ["kind", "city", "hourlyYuan", "effectiveFrom", "source"] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Adds a wage figure. The shared schema checks the fields here first, so a bad value is named
 * next to its field and never sent; the server checks the same schema and refuses a duplicate
 * date, and nothing is stored on any refusal. `onAdded` refetches the list above.
 */
export function AddWageForm({ onAdded }: { onAdded: () => void }) {
  const t = useTranslations("wages");
  const tx = useTranslations("taxonomy");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const add = useMutation(trpc.wages.add.mutationOptions({ onSuccess: onAdded }));
  const [invalid, setInvalid] = useState<ReadonlySet<FieldName>>(new Set());

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const raw = String(data.get("hourlyYuan") ?? "").trim().replace(",", ".");
    const parsed = addWageInput.safeParse({
      kind: data.get("kind"),
      city: data.get("city"),
      hourlyYuan: raw === "" ? Number.NaN : Number(raw),
      effectiveFrom: data.get("effectiveFrom"),
      source: String(data.get("source") ?? ""),
    });
    add.reset();
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((i) => i.path[0]).filter((p): p is FieldName => FIELDS.includes(p as FieldName))));
      return;
    }
    setInvalid(new Set());
    add.mutate(parsed.data, { onSuccess: () => form.reset() });
  };

  const code = (add.error as { data?: { appCode?: string } } | null)?.data?.appCode;
  // What every control shares: its id and name, and what describes it (hint, error).
  const control = (name: FieldName, hint?: boolean) => ({
    id: `wage-${name}`,
    name,
    className: inputStyles,
    "aria-invalid": invalid.has(name) || undefined,
    "aria-describedby": [hint ? `wage-${name}-hint` : null, invalid.has(name) ? `wage-${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  // The label above a control, its hint when it has one, and its error when it is invalid.
  const field = (name: FieldName, input: ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`wage-${name}`} className="block font-medium">
        {t(`form.${name}`)}
      </label>
      {hint ? (
        <p id={`wage-${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      {input}
      {invalid.has(name) ? (
        <p id={`wage-${name}-error`} className="text-sm font-semibold text-red-800">
          {t(`form.error.${name}`)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="add-wage-title">
      <h2 id="add-wage-title" className="text-lg font-bold">
        {t("form.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("form.hint")}</p>
      {invalid.size > 0 ? <Alert>{t("form.invalid")}</Alert> : null}
      {field(
        "kind",
        <select {...control("kind")}>
          {WAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "city",
        <select {...control("city")}>
          {WAGE_CITIES.map((c) => (
            <option key={c} value={c}>
              {tx(`city.${c}` as "city.beijing")}
            </option>
          ))}
        </select>,
      )}
      {field("hourlyYuan", <input {...control("hourlyYuan", true)} inputMode="decimal" autoComplete="off" />, t("form.hourlyHint"))}
      {field("effectiveFrom", <input {...control("effectiveFrom")} type="date" />)}
      {field("source", <textarea {...control("source", true)} rows={3} maxLength={300} />, t("form.sourceHint"))}
      {add.error ? <Alert>{code === "ALREADY_EXISTS" ? t("form.exists") : errorMessage(te, add.error)}</Alert> : null}
      {add.isSuccess ? <Alert tone="success">{t("form.saved")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={add.isPending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
