import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { CampaignForm } from "~/features/campaigns/components/campaign-form";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.organiser"))("new") };
}

export default async function NewCampaignPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, locale] = await Promise.all([getTranslations("campaigns.organiser"), getLocale()]);
  const platforms = await (await api()).accounts.platforms();
  return (
    <div className="space-y-4">
      <PageTitle>{t("new")}</PageTitle>
      <Messages ns={["campaigns", "taxonomy"]}>
        <CampaignForm platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))} />
      </Messages>
    </div>
  );
}
