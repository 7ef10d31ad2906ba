import type { ComponentProps, ReactNode } from "react";

// Small shared building blocks. Touch targets are at least 44 px high (WCAG 2.5.8 asks 24).

const buttonBase =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold disabled:cursor-not-allowed disabled:opacity-60";
export const buttonStyles = {
  primary: `${buttonBase} bg-brand-700 text-white hover:bg-brand-800`,
  secondary: `${buttonBase} border border-stone-400 bg-white text-stone-900 hover:bg-stone-100`,
  danger: `${buttonBase} bg-red-700 text-white hover:bg-red-800`,
  link: "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950",
};

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: keyof typeof buttonStyles }) {
  return <button type="button" className={`${buttonStyles[variant]} ${className}`} {...props} />;
}

export function Card({ children, className = "", ...props }: ComponentProps<"section">) {
  return (
    <section className={`rounded-xl border border-stone-300 bg-white p-4 shadow-sm ${className}`} {...props}>
      {children}
    </section>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold text-stone-900">{children}</h1>;
}

export function Alert({ tone = "error", children, id }: { tone?: "error" | "success" | "warning" | "info"; children: ReactNode; id?: string }) {
  const tones = {
    error: "border-red-700 bg-red-50 text-red-900",
    success: "border-green-700 bg-green-50 text-green-900",
    warning: "border-amber-600 bg-amber-50 text-amber-950",
    info: "border-blue-700 bg-blue-50 text-blue-950",
  };
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-lg border-l-4 p-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}

export const inputStyles =
  "block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900 placeholder:text-stone-600";

export function Field({ label, hint, id, children }: { label: ReactNode; hint?: ReactNode; id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}
