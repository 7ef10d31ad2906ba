import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Alert, buttonStyles, Card, PageTitle } from "~/components/ui";
import { MyReportList } from "~/features/reports/components/my-report-list";
import { auth } from "~/server/auth/session";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ filed?: string; updated?: string }> }) {
  const [t, tc, account, locale, params] = await Promise.all([getTranslations("reports"), getTranslations("common.home"), auth(), getLocale(), searchParams]);
  const links = (
    <div className="flex flex-col gap-2">
      <Link href="/stats" className={buttonStyles.link}>
        {t("statsLink")}
      </Link>
      <Link href="/rights" className={buttonStyles.link}>
        {t("rightsLink")}
      </Link>
    </div>
  );
  if (account?.role !== "WORKER") {
    return (
      <div className="space-y-4">
        <PageTitle>{t("title")}</PageTitle>
        <p>{t("intro")}</p>
        {!account ? (
          <div className="flex flex-col gap-3">
            <Link href="/join" className={buttonStyles.primary}>
              {tc("join")}
            </Link>
            <Link href="/sign-in" className={buttonStyles.secondary}>
              {tc("signIn")}
            </Link>
          </div>
        ) : null}
        {links}
      </div>
    );
  }
  const mine = await (await api()).reports.mine();
  const items = mine.map((r) => ({ ...r, platformName: locale === "en" ? r.platform.nameEn : r.platform.nameZh }));
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {params.filed ? <Alert tone="success">{t("submitted")}</Alert> : null}
      {params.updated ? <Alert tone="success">{t("updated")}</Alert> : null}
      <p>{t("intro")}</p>
      <Link href="/reports/new" className={`${buttonStyles.primary} w-full`}>
        {t("new")}
      </Link>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("mine")}</h2>
        <Messages ns={["reports"]}>
          <MyReportList items={items.map((i) => ({ id: i.id, platformName: i.platformName, month: i.month, filedOn: i.filedOn, editUntil: i.editUntil, editable: i.editable, narrativeStatus: i.narrativeStatus }))} />
        </Messages>
      </Card>
      {links}
    </div>
  );
}
