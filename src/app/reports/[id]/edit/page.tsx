import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Alert, PageTitle } from "~/components/ui";
import { ReportStepper } from "~/features/reports/components/report-stepper";
import { fromInput } from "~/features/reports/form";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("editTitle") };
}

export default async function EditReportPage({ params }: { params: Promise<{ id: string }> }) {
  const account = await pageAccount(["WORKER"]);
  if (account === "forbidden") return <Forbidden />;
  const [{ id }, t, te, locale, caller] = await Promise.all([params, getTranslations("reports"), getTranslations("errors"), getLocale(), api()]);
  const report = await caller.reports.get({ id: id.slice(0, 64) }).catch(() => null);
  if (!report) notFound();
  const platforms = await caller.reports.platforms();
  return (
    <div className="space-y-4">
      <PageTitle>{t("editTitle")}</PageTitle>
      {report.editable ? (
        <Messages ns={["reports", "taxonomy"]}>
          <ReportStepper
            editId={report.id}
            initial={fromInput(report.input)}
            platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))}
            months={[report.input.month]}
            existing={[]}
          />
        </Messages>
      ) : (
        <Alert>{te("EDIT_WINDOW_CLOSED")}</Alert>
      )}
    </div>
  );
}
