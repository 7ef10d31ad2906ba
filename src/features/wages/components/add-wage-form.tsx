"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
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
  const described = (name: FieldName, hint?: boolean) => [hint ? `wage-${name}-hint` : null, invalid.has(name) ? `wage-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: FieldName) =>
    invalid.has(name) ? (
      <p id={`wage-${name}-error`} className="text-sm font-semibold text-red-800">
        {t(`form.error.${name}`)}
      </p>
    ) : null;
  const label = (name: FieldName) => (
    <label htmlFor={`wage-${name}`} className="block font-medium">
      {t(`form.${name}`)}
    </label>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="add-wage-title">
      <h2 id="add-wage-title" className="text-lg font-bold">
        {t("form.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("form.hint")}</p>
      {invalid.size > 0 ? <Alert>{t("form.invalid")}</Alert> : null}
      <div className="space-y-1">
        {label("kind")}
        <select id="wage-kind" name="kind" className={inputStyles} aria-invalid={invalid.has("kind") || undefined} aria-describedby={described("kind")}>
          {WAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        {fieldError("kind")}
      </div>
      <div className="space-y-1">
        {label("city")}
        <select id="wage-city" name="city" className={inputStyles} aria-invalid={invalid.has("city") || undefined} aria-describedby={described("city")}>
          {WAGE_CITIES.map((c) => (
            <option key={c} value={c}>
              {tx(`city.${c}` as "city.beijing")}
            </option>
          ))}
        </select>
        {fieldError("city")}
      </div>
      <div className="space-y-1">
        {label("hourlyYuan")}
        <p id="wage-hourlyYuan-hint" className="text-sm text-stone-700">
          {t("form.hourlyHint")}
        </p>
        <input id="wage-hourlyYuan" name="hourlyYuan" inputMode="decimal" autoComplete="off" className={inputStyles} aria-invalid={invalid.has("hourlyYuan") || undefined} aria-describedby={described("hourlyYuan", true)} />
        {fieldError("hourlyYuan")}
      </div>
      <div className="space-y-1">
        {label("effectiveFrom")}
        <input id="wage-effectiveFrom" name="effectiveFrom" type="date" className={inputStyles} aria-invalid={invalid.has("effectiveFrom") || undefined} aria-describedby={described("effectiveFrom")} />
        {fieldError("effectiveFrom")}
      </div>
      <div className="space-y-1">
        {label("source")}
        <p id="wage-source-hint" className="text-sm text-stone-700">
          {t("form.sourceHint")}
        </p>
        <textarea id="wage-source" name="source" rows={3} maxLength={300} className={inputStyles} aria-invalid={invalid.has("source") || undefined} aria-describedby={described("source", true)} />
        {fieldError("source")}
      </div>
      {add.error ? <Alert>{code === "ALREADY_EXISTS" ? t("form.exists") : errorMessage(te, add.error)}</Alert> : null}
      {add.isSuccess ? <Alert tone="success">{t("form.saved")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={add.isPending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
