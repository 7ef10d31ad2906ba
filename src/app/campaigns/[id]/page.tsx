import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Alert, Card } from "~/components/ui";
import { CampaignHeader } from "~/features/campaigns/components/campaign-header";
import { CampaignActions, CampaignBallot, CampaignProposals, ProposeCard } from "~/features/campaigns/components/campaign-personal";
import { CampaignFiguresView } from "~/features/ballots/components/campaign-figures-view";
import { TokenCounts } from "~/features/tokens/components/token-counts";
import { DemandList } from "~/features/demands/components/demand-list";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

// Once per request: metadata and the page share it (React cache), as do the figures below
// (getCampaignFigures reads the same cached row through getCampaign).
const load = cache(async (id: string) => {
  const caller = await api();
  return caller.campaigns.get({ campaignId: id }).catch(() => null);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await load((await params).id);
  return { title: campaign?.title ?? (await getTranslations("campaigns.list"))("title") };
}

/**
 * The same for everyone (served from the shared page cache, issue 15): nothing here reads the
 * session. What a worker sees of their own (ballot, follow, supports, proposals, token) comes
 * from GET /api/me/page into the islands of campaign-personal.tsx.
 */
export default async function CampaignPage({ params }: Props) {
  const { id } = await params;
  const campaign = await load(id);
  if (!campaign) notFound();
  const [t, locale, caller] = await Promise.all([getTranslations("campaigns"), getLocale(), api()]);
  const [platforms, demands, figures, tokenCounts] = await Promise.all([
    caller.accounts.platforms(),
    caller.demands.list({ campaignId: id }),
    caller.ballots.results({ campaignId: id }),
    campaign.verifiedOnly ? caller.tokens.published({ campaignId: id }) : null,
  ]);
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));
  const approved = demands.filter((d) => d.status === "APPROVED");
  const options = approved.map((d) => ({ id: d.id, number: d.number, title: d.title }));

  return (
    <div className="space-y-4">
      <CampaignHeader campaign={campaign} platformNames={platformNames} />
      {campaign.verifiedOnly ? (
        <Alert tone="info">
          <p>{t("detail.verifiedOnly")}</p>
        </Alert>
      ) : null}
      <Messages ns={["campaigns", "taxonomy"]}>
        <CampaignActions campaignId={id} verifiedOnly={campaign.verifiedOnly} />
        {campaign.phase !== "CLOSED" ? <CampaignBallot campaignId={id} phase={campaign.phase} verifiedOnly={campaign.verifiedOnly} options={options} /> : null}
      </Messages>

      {campaign.phase !== "PROPOSING" ? (
        <Card>
          <h2 className="mb-2 text-xl font-bold">{t("results.title")}</h2>
          <CampaignFiguresView figures={figures} demands={approved} platformNames={platformNames} />
        </Card>
      ) : null}

      {tokenCounts ? <TokenCounts counts={tokenCounts} /> : null}

      <Messages ns={["campaigns", "taxonomy"]}>
        <CampaignProposals />
      </Messages>
      <DemandList demands={campaign.phase === "PROPOSING" ? demands : approved} supportable={campaign.phase === "PROPOSING"} />

      {campaign.phase === "PROPOSING" ? (
        <Messages ns={["campaigns", "taxonomy"]}>
          <ProposeCard campaignId={id} />
        </Messages>
      ) : null}
    </div>
  );
}
