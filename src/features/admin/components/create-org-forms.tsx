"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { SECTORS, type SectorCode } from "~/lib/taxonomy";
import { useTRPC } from "~/trpc/react";
import { useAdminFeedback } from "~/features/admin/components/use-admin-mutation";

function NameFields({ prefix }: { prefix: string }) {
  const t = useTranslations("admin");
  return (
    <>
      <Field id={`${prefix}-slug`} label={t("slug")}>
        <input id={`${prefix}-slug`} name="slug" required pattern="[a-z0-9-]{2,40}" className={inputStyles} />
      </Field>
      <Field id={`${prefix}-nameZh`} label={t("nameZh")}>
        <input id={`${prefix}-nameZh`} name="nameZh" required maxLength={80} className={inputStyles} />
      </Field>
      <Field id={`${prefix}-nameEn`} label={t("nameEn")}>
        <input id={`${prefix}-nameEn`} name="nameEn" required maxLength={80} className={inputStyles} />
      </Field>
    </>
  );
}

function names(form: FormData) {
  return { slug: String(form.get("slug") ?? ""), nameZh: String(form.get("nameZh") ?? ""), nameEn: String(form.get("nameEn") ?? "") };
}

export function CreatePlatformForm() {
  const t = useTranslations("admin");
  const tx = useTranslations("taxonomy");
  const feedback = useAdminFeedback();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.createPlatform.mutationOptions({ onSuccess: feedback.onSuccess }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate({ ...names(form), sector: String(form.get("sector")) as SectorCode }, { onSuccess: () => (e.target as HTMLFormElement).reset() });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-stone-200 pt-3">
      <h3 className="font-bold">{t("addPlatform")}</h3>
      <NameFields prefix="platform" />
      <Field id="platform-sector" label={t("sector")}>
        <select id="platform-sector" name="sector" className={inputStyles}>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {tx(`sector.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {create.error ? <Alert>{feedback.message(create.error)}</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        {t("create")}
      </Button>
    </form>
  );
}

export function CreateUnionForm() {
  const t = useTranslations("admin");
  const feedback = useAdminFeedback();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.createUnion.mutationOptions({ onSuccess: feedback.onSuccess }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(names(new FormData(e.currentTarget)), { onSuccess: () => (e.target as HTMLFormElement).reset() });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-stone-200 pt-3">
      <h3 className="font-bold">{t("addUnion")}</h3>
      <NameFields prefix="union" />
      {create.error ? <Alert>{feedback.message(create.error)}</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        {t("create")}
      </Button>
    </form>
  );
}
