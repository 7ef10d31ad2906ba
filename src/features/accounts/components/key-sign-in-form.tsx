"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useForgetPageState } from "~/features/personal/components/page-state";

export function KeySignInForm({ next }: { next?: string | null }) {
  const t = useTranslations("accounts.signIn");
  const te = useTranslations("errors");
  const router = useRouter();
  const forget = useForgetPageState();
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
    // A navigation to the next page, not a refresh of this one (issue 15): the pages render no
    // session, so only the personal state read before signing in is stale, and it is dropped.
    forget();
    router.push(next ?? "/me");
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
