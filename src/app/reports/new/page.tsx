import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { ReportStepper } from "~/features/reports/components/report-stepper";
import { openMonths } from "~/features/reports/months";
import type { FormValues } from "~/features/reports/form";
import type { SectorCode, CityCode } from "~/lib/taxonomy";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";
import { chinaToday } from "~/lib/days";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("newTitle") };
}

export default async function NewReportPage() {
  const account = await pageAccount(["WORKER"]);
  if (account === "forbidden") return <Forbidden />;
  const [t, locale, caller] = await Promise.all([getTranslations("reports"), getLocale(), api()]);
  const [platforms, profile, mine] = await Promise.all([caller.reports.platforms(), caller.accounts.profile(), caller.reports.mine()]);
  const months = openMonths(chinaToday());
  // Start from the worker's optional profile, so the first screen is usually already filled in.
  const platform = platforms.find((p) => profile.platformSlugs.includes(p.slug)) ?? platforms[0];
  const initial: FormValues = {
    platformSlug: platform?.slug,
    sector: (profile.sectors[0] ?? platform?.sector) as SectorCode | undefined,
    city: (profile.city ?? undefined) as CityCode | undefined,
    month: months[0],
    equipmentProvided: [],
    equipmentBought: [],
    health: [],
    narrative: "",
  };
  return (
    <div className="space-y-4">
      <PageTitle>{t("newTitle")}</PageTitle>
      <Messages ns={["reports", "taxonomy"]}>
        <ReportStepper
          initial={initial}
          platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))}
          months={months}
          existing={mine.map((r) => ({ platformSlug: r.platform.slug, month: r.month }))}
        />
      </Messages>
    </div>
  );
}
