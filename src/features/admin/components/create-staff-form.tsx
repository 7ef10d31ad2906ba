"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminFeedback } from "~/features/admin/components/use-admin-mutation";

type Option = { id: string; name: string };
type StaffRole = "ORGANISER" | "PLATFORM_REP" | "ADMIN";

export function CreateStaffForm({ unions, platforms }: { unions: Option[]; platforms: Option[] }) {
  const t = useTranslations("admin");
  const ta = useTranslations("accounts.roles");
  const feedback = useAdminFeedback();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.createStaff.mutationOptions({ onSuccess: feedback.onSuccess }));
  const [role, setRole] = useState<StaffRole>("ORGANISER");

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const base = { username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") };
    const org = String(form.get("org") ?? "");
    if (role === "ORGANISER") create.mutate({ role, ...base, unionId: org });
    else if (role === "PLATFORM_REP") create.mutate({ role, ...base, platformId: org });
    else create.mutate({ role, ...base });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-stone-200 pt-3">
      <h3 className="font-bold">{t("addStaff")}</h3>
      <Field id="staff-role" label={t("role")}>
        <select id="staff-role" name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)} className={inputStyles}>
          {(["ORGANISER", "PLATFORM_REP", "ADMIN"] as const).map((r) => (
            <option key={r} value={r}>
              {ta(r)}
            </option>
          ))}
        </select>
      </Field>
      {role !== "ADMIN" ? (
        <Field id="staff-org" label={role === "ORGANISER" ? t("union") : t("platform")}>
          <select id="staff-org" name="org" key={role} className={inputStyles}>
            {(role === "ORGANISER" ? unions : platforms).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="staff-username" label={t("username")}>
        <input id="staff-username" name="username" required autoComplete="off" autoCapitalize="none" className={inputStyles} />
      </Field>
      <Field id="staff-password" label={t("password")}>
        <input id="staff-password" name="password" type="password" required minLength={12} autoComplete="new-password" className={inputStyles} />
      </Field>
      {create.error ? <Alert>{feedback.message(create.error)}</Alert> : null}
      {create.data ? (
        <Alert tone="success">
          <p>{t("created")}</p>
          {create.data.totpSecret ? (
            <>
              <p>{t("totpOnce", { username: create.data.username })}</p>
              {create.data.totpQrSvg ? (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise
                <img
                  src={`data:image/svg+xml;utf8,${encodeURIComponent(create.data.totpQrSvg)}`}
                  alt={t("totpQrAlt")}
                  className="my-2 size-48 bg-white"
                />
              ) : null}
              <p className="break-all font-mono" data-testid="totp-secret">
                {create.data.totpSecret}
              </p>
            </>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" disabled={create.isPending}>
        {t("create")}
      </Button>
    </form>
  );
}
