"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";

export function KeySignInForm({ next }: { next?: string | null }) {
  const t = useTranslations("accounts.signIn");
  const te = useTranslations("errors");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const key = String(new FormData(event.currentTarget).get("key") ?? "");
    setPending(true);
    setError(null);
    const result = await signIn("worker-key", { key, redirect: false }).catch(() => ({ error: "NETWORK" }));
    setPending(false);
    if (result?.error) {
      setError(errorMessage(te, result.error === "NETWORK" ? new TypeError() : result.error));
      return;
    }
    router.push(next ?? "/me");
    router.refresh();
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="key" label={t("keyLabel")} hint={t("keyHint")}>
        <input
          id="key"
          name="key"
          required
          autoComplete="current-password"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={error ? "key-hint key-error" : "key-hint"}
          aria-invalid={error ? true : undefined}
          className={`${inputStyles} font-mono`}
        />
      </Field>
      {error ? <Alert id="key-error">{error}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
