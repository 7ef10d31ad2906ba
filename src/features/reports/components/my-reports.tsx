"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Alert, buttonStyles, Card } from "~/components/ui";
import { usePageState } from "~/features/personal/components/page-state";
import { MyReportList } from "~/features/reports/components/my-report-list";

// The reports page is the same for everyone (cached, issue 15): a visitor is invited to join, a
// worker gets their own reports from the page's personal request.

const noop = () => () => undefined;

/** "Submitted" / "updated" after the form sent the worker here; not in the cached render (whose key has no query). */
export function ReportsFlash() {
  const t = useTranslations("reports");
  const params = useSearchParams();
  // False while hydrating the shared render, so its markup matches; true at once afterwards.
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  if (!hydrated) return null;
  if (params.get("filed")) return <Alert tone="success">{t("submitted")}</Alert>;
  if (params.get("updated")) return <Alert tone="success">{t("updated")}</Alert>;
  return null;
}

export function MyReports() {
  const t = useTranslations("reports");
  const tc = useTranslations("common.home");
  const locale = useLocale();
  const personal = usePageState();
  if (!personal) return <p className="h-11" aria-busy="true" />;
  if (!personal.account) {
    return (
      <div className="flex flex-col gap-3">
        <Link href="/join" className={buttonStyles.primary}>
          {tc("join")}
        </Link>
        <Link href="/sign-in" className={buttonStyles.secondary}>
          {tc("signIn")}
        </Link>
      </div>
    );
  }
  const mine = personal.reports?.mine;
  if (!mine) return null;
  const items = mine.map((r) => ({ id: r.id, platformName: locale === "en" ? r.platform.nameEn : r.platform.nameZh, month: r.month, filedOn: r.filedOn, editUntil: r.editUntil, editable: r.editable, narrativeStatus: r.narrativeStatus }));
  return (
    <>
      <Link href="/reports/new" className={`${buttonStyles.primary} w-full`}>
        {t("new")}
      </Link>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("mine")}</h2>
        <MyReportList items={items} />
      </Card>
    </>
  );
}
