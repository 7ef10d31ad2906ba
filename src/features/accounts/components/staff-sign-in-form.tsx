"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useForgetPageState } from "~/features/personal/components/page-state";

const HOME: Record<string, string> = { ADMIN: "/admin", ORGANISER: "/organiser", PLATFORM_REP: "/platform" };

export function StaffSignInForm({ next }: { next?: string | null }) {
  const t = useTranslations("accounts.staff");
  const te = useTranslations("errors");
  const router = useRouter();
  const forget = useForgetPageState();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("staff", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      totp: String(form.get("totp") ?? ""),
      redirect: false,
    }).catch(() => ({ error: "NETWORK" }));
    if (result?.error) {
      setPending(false);
      setError(errorMessage(te, result.error === "NETWORK" ? new TypeError() : result.error));
      return;
    }
    const session = (await fetch("/api/auth/session").then((r) => r.json()).catch(() => null)) as { user?: { role?: string } } | null;
    // A navigation to the next page, not a refresh of this one (issue 15): the pages render no
    // session, so only the personal state read before signing in is stale, and it is dropped.
    forget();
    router.push(next ?? HOME[session?.user?.role ?? ""] ?? "/");
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="username" label={t("username")}>
        <input id="username" name="username" required autoComplete="username" autoCapitalize="none" className={inputStyles} />
      </Field>
      <Field id="password" label={t("password")}>
        <input id="password" name="password" type="password" required autoComplete="current-password" className={inputStyles} />
      </Field>
      {/* Always shown, for every account: asking only after a first answer would tell which accounts have TOTP. */}
      <Field id="totp" label={t("totp")} hint={t("totpHint")}>
        <input id="totp" name="totp" aria-describedby="totp-hint" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} className={inputStyles} />
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
