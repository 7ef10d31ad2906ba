import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { OrganiserCampaignDesk } from "~/features/campaigns/components/organiser-campaign-desk";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.organiser"))("title") };
}

export default async function OrganiserCampaignPage({ params }: Props) {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const { id } = await params;
  const caller = await api();
  const campaign = await caller.campaigns.getForUnion({ campaignId: id }).catch(() => null);
  if (!campaign) notFound();
  const locale = await getLocale();
  const [platforms, demands, figures] = await Promise.all([caller.accounts.platforms(), caller.demands.forUnion({ campaignId: id }), caller.ballots.results({ campaignId: id })]);
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));

  return (
    <Messages ns={["campaigns", "taxonomy"]}>
      <OrganiserCampaignDesk
        campaignId={id}
        initial={{ campaign, demands, figures }}
        platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))}
        platformNames={platformNames}
      />
    </Messages>
  );
}
