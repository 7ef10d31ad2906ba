"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "~/components/ui";
import { CreatePlatformForm, CreateUnionForm } from "~/features/admin/components/create-org-forms";
import { CreateStaffForm } from "~/features/admin/components/create-staff-form";
import { ModerationAssignments } from "~/features/admin/components/moderation-assignments";
import { SuspendButton } from "~/features/admin/components/suspend-button";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

type Overview = RouterOutputs["admin"]["overview"];

/**
 * The admin desk below the worker count: platforms, unions, moderation and staff. The server's
 * render is the first data of its one query; every form here asks that query again after its
 * write (useAdminFeedback), so no page refresh (issue 15).
 */
export function AdminDesk({ initial, selfId }: { initial: Overview; selfId: string }) {
  const [t, ta, tx, locale] = [useTranslations("admin"), useTranslations("accounts"), useTranslations("taxonomy"), useLocale()];
  const trpc = useTRPC();
  const overview = useQuery({ ...trpc.admin.overview.queryOptions(), initialData: initial, staleTime: Infinity }).data;
  const name = (o: { nameZh: string; nameEn: string } | null) => (o ? (locale === "en" ? o.nameEn : o.nameZh) : "");
  return (
    <>
      <Card className="space-y-3">
        <h2 className="text-lg font-bold">{t("platforms")}</h2>
        <ul className="list-disc pl-5">
          {overview.platforms.map((p) => (
            <li key={p.id}>
              {name(p)} ({p.slug}, {tx(`sector.${p.sector}`)})
            </li>
          ))}
        </ul>
        <CreatePlatformForm />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-bold">{t("unions")}</h2>
        <ul className="list-disc pl-5">
          {overview.unions.map((u) => (
            <li key={u.id}>
              {name(u)} ({u.slug})
            </li>
          ))}
        </ul>
        <CreateUnionForm />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-bold">{t("moderation.title")}</h2>
        <ModerationAssignments
          rows={overview.moderation.map((m) => ({ scope: m.scope, label: m.platform ? name(m.platform) : t("moderation.other"), unionId: m.unionId }))}
          unions={overview.unions.map((u) => ({ id: u.id, name: name(u) }))}
        />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-bold">{t("staff")}</h2>
        <ul className="divide-y divide-stone-200" data-testid="staff-list">
          {overview.staff.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{s.username}</span> · {ta(`roles.${s.role}`)}
                {s.union || s.platform ? ` · ${name(s.union ?? s.platform)}` : ""}
                {s.suspended ? ` · ${t("suspended")}` : ""}
              </span>
              {s.id === selfId ? null : <SuspendButton accountId={s.id} suspended={s.suspended} />}
            </li>
          ))}
        </ul>
        <CreateStaffForm
          unions={overview.unions.map((u) => ({ id: u.id, name: name(u) }))}
          platforms={overview.platforms.map((p) => ({ id: p.id, name: name(p) }))}
        />
      </Card>
    </>
  );
}
