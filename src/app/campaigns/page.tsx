import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { CampaignList } from "~/features/campaigns/components/campaign-list";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.list"))("title") };
}

/** The same for everyone (cached, issue 15); what matches a worker's profile arrives after. */
export default async function CampaignsPage() {
  const [t, tp, locale, caller] = await Promise.all([getTranslations("campaigns.list"), getTranslations("campaigns.phase"), getLocale(), api()]);
  const campaigns = await caller.campaigns.list();
  const items = campaigns.map((c) => ({ id: c.id, title: c.title, by: t("by", { union: locale === "en" ? c.union.nameEn : c.union.nameZh }), phase: tp(c.phase) }));
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["campaigns"]}>
        <CampaignList campaigns={items} />
      </Messages>
    </div>
  );
}
