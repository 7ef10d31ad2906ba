import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { ModerationList } from "~/features/reports/components/moderation-list";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.moderation"))("title") };
}

export default async function NarrativesPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, locale, caller] = await Promise.all([getTranslations("reports.moderation"), getLocale(), api()]);
  const pending = await caller.reports.pendingNarratives();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["reports"]}>
        <ModerationList items={pending.map((p) => ({ id: p.id, narrative: p.narrative, month: p.month, platformName: locale === "en" ? p.platform.nameEn : p.platform.nameZh }))} />
      </Messages>
    </div>
  );
}
