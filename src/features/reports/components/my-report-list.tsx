"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Alert, Button, buttonStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { usePageStateWrite } from "~/features/personal/components/page-state";
import { useTRPC } from "~/trpc/react";

type Item = { id: string; platformName: string; month: string; filedOn: string; editUntil: string; editable: boolean; narrativeStatus: "NONE" | "PENDING" | "APPROVED" | "REJECTED" };

export function MyReportList({ items }: { items: Item[] }) {
  const t = useTranslations("reports");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const personal = usePageStateWrite();
  const [deleted, setDeleted] = useState(false);
  const remove = useMutation(
    trpc.reports.remove.mutationOptions({
      // The deleted report leaves the list from the answer; no page refresh (issue 15).
      onSuccess: (_r, input) => {
        setDeleted(true);
        personal.update((s) => (s.reports ? { ...s, reports: { mine: s.reports.mine.filter((r) => r.id !== input.id) } } : s));
      },
    }),
  );
  const flash = deleted ? <Alert tone="success">{t("list.deleted")}</Alert> : null;
  if (!items.length) {
    return (
      <div className="space-y-3">
        {flash}
        <p>{t("noReports")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {flash}
      {remove.error ? <Alert>{errorMessage(te, remove.error)}</Alert> : null}
      <ul className="space-y-3" data-testid="my-reports">
        {items.map((r) => (
          <li key={r.id} className="space-y-2 rounded-lg border border-stone-300 p-3">
            <p className="font-semibold">
              {r.platformName} · {r.month}
            </p>
            <p className="text-sm text-stone-700">
              {t("list.filedOn", { date: r.filedOn })} · {t(`list.status.${r.narrativeStatus}`)}
            </p>
            <p className="text-sm text-stone-700">{r.editable ? t("list.editUntil", { date: r.editUntil }) : t("list.closed")}</p>
            <div className="flex gap-2">
              {r.editable ? (
                <Link href={`/reports/${r.id}/edit`} className={`${buttonStyles.secondary} flex-1`} aria-label={`${t("list.edit")}: ${r.platformName} ${r.month}`}>
                  {t("list.edit")}
                </Link>
              ) : null}
              <Button
                variant="secondary"
                className="flex-1"
                aria-label={`${t("list.delete")}: ${r.platformName} ${r.month}`}
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(t("list.confirmDelete"))) remove.mutate({ id: r.id });
                }}
              >
                {t("list.delete")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
