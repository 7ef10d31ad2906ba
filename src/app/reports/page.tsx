import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Messages } from "~/components/messages";
import { buttonStyles, PageTitle } from "~/components/ui";
import { MyReports, ReportsFlash } from "~/features/reports/components/my-reports";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

/** The same for everyone (cached, issue 15): the worker's own reports arrive after first paint. */
export default async function ReportsPage() {
  const t = await getTranslations("reports");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <Messages ns={["reports"]}>
        <Suspense>
          <ReportsFlash />
        </Suspense>
        <p>{t("intro")}</p>
        <MyReports />
      </Messages>
      <div className="flex flex-col gap-2">
        <Link href="/stats" className={buttonStyles.link}>
          {t("statsLink")}
        </Link>
        <Link href="/rights" className={buttonStyles.link}>
          {t("rightsLink")}
        </Link>
      </div>
    </div>
  );
}
