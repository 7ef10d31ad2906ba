import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "~/components/ui";
import type { Locale } from "~/i18n/config";
import { Methodology } from "~/features/scorecard/components/methodology";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoreMethod"))("title") };
}

/** The scorecard's methodology (issue 16): public, the same for everyone, cached (page-cache.mjs). */
export default async function ScorecardMethodPage() {
  const [t, locale] = await Promise.all([getTranslations("scoreMethod"), getLocale()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <Methodology locale={locale as Locale} />
    </div>
  );
}
