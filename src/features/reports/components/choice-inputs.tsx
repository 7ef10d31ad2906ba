"use client";

import type { ReactNode } from "react";
import { inputStyles } from "~/components/ui";

// Big, thumb-sized choices for the report stepper: every option is a full-width label.

const optionStyle =
  "flex min-h-12 items-center gap-3 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700";

type Common = { name: string; legend: ReactNode; hint?: ReactNode; error?: string | null };

function Group({ name, legend, hint, error, children, columns = 1 }: Common & { children: ReactNode; columns?: 1 | 2 }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined} data-field={name}>
      <legend className="mb-1 font-semibold text-stone-900">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      <div className={columns === 2 ? "grid grid-cols-2 gap-2" : "grid gap-2"}>{children}</div>
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function RadioGroup<T extends string>(
  props: Common & { options: readonly { value: T; label: ReactNode }[]; value: T | null | undefined; onChange: (v: T) => void; columns?: 1 | 2 },
) {
  return (
    <Group {...props}>
      {props.options.map((o) => (
        <label key={o.value} className={optionStyle}>
          <input type="radio" className="size-6 shrink-0" name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </Group>
  );
}

export function CheckGroup<T extends string>(
  props: Common & { options: readonly { value: T; label: ReactNode }[]; value: readonly T[]; onChange: (v: T[]) => void },
) {
  const toggle = (v: T) => props.onChange(props.value.includes(v) ? props.value.filter((x) => x !== v) : [...props.value, v]);
  return (
    <Group {...props} columns={2}>
      {props.options.map((o) => (
        <label key={o.value} className={optionStyle}>
          <input type="checkbox" className="size-6 shrink-0" name={props.name} checked={props.value.includes(o.value)} onChange={() => toggle(o.value)} />
          {o.label}
        </label>
      ))}
    </Group>
  );
}

export function YesNo(props: Common & { value: boolean | null | undefined; onChange: (v: boolean) => void; yes: string; no: string }) {
  const value = props.value === true ? "yes" : props.value === false ? "no" : null;
  return (
    <RadioGroup
      {...props}
      columns={2}
      value={value}
      options={[
        { value: "yes", label: props.yes },
        { value: "no", label: props.no },
      ]}
      onChange={(v) => props.onChange(v === "yes")}
    />
  );
}

export function NumberField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  onBlur,
  step = 1,
}: { name: string; label: ReactNode; hint?: ReactNode; error?: string | null; value: string; onChange: (v: string) => void; onBlur?: () => void; step?: number }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1" data-field={name}>
      <label htmlFor={name} className="block font-semibold text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type="text"
        inputMode={step < 1 ? "decimal" : "numeric"}
        autoComplete="off"
        className={inputStyles}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
