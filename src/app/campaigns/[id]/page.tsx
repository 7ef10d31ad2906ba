import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Alert, buttonStyles, Card } from "~/components/ui";
import { CampaignHeader } from "~/features/campaigns/components/campaign-header";
import { FollowButton } from "~/features/campaigns/components/follow-button";
import { CampaignFiguresView } from "~/features/ballots/components/campaign-figures-view";
import { RankingBallot } from "~/features/ballots/components/ranking-ballot";
import { TokenBallot } from "~/features/tokens/components/token-ballot";
import { TokenCounts } from "~/features/tokens/components/token-counts";
import { DemandList, MyProposals } from "~/features/demands/components/demand-list";
import { DemandForm } from "~/features/demands/components/demand-form";
import { auth } from "~/server/auth/session";
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

export default async function CampaignPage({ params }: Props) {
  const { id } = await params;
  const campaign = await load(id);
  if (!campaign) notFound();
  const [t, account, locale] = await Promise.all([getTranslations("campaigns"), auth(), getLocale()]);
  const caller = await api();
  const isWorker = account?.role === "WORKER";
  const [platforms, demands, figures, tokenCounts] = await Promise.all([
    caller.accounts.platforms(),
    caller.demands.list({ campaignId: id }),
    caller.ballots.results({ campaignId: id }),
    campaign.verifiedOnly ? caller.tokens.published({ campaignId: id }) : null,
  ]);
  const [mine, ballot, following, verifiedIn] = isWorker
    ? await Promise.all([
        caller.demands.mine({ campaignId: id }),
        caller.ballots.mine({ campaignId: id }),
        caller.notifications.following({ campaignId: id }),
        caller.verification.mine(),
      ])
    : [[], null, false, [] as string[]];
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));
  const approved = demands.filter((d) => d.status === "APPROVED");
  const needsVerification = isWorker && campaign.verifiedOnly && !verifiedIn.includes(campaign.unionId);
  const canAct = isWorker && !needsVerification;
  // Verified-only campaigns vote with a blind-signed token (src/features/tokens), fetched as early
  // as proposing so that getting it and voting need not happen in the same minute.
  const tokenStatus = canAct && campaign.verifiedOnly && campaign.phase !== "CLOSED" ? await caller.tokens.status({ campaignId: id }) : null;

  return (
    <div className="space-y-4">
      <CampaignHeader campaign={campaign} platformNames={platformNames} />
      {campaign.verifiedOnly ? (
        <Alert tone="info">
          <p>{t("detail.verifiedOnly")}</p>
          {needsVerification ? (
            <Link href="/verify" className="mt-1 inline-block min-h-11 content-center font-medium text-blue-900 underline">
              {t("detail.getVerified")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      {!account ? (
        <Link href="/sign-in" className={buttonStyles.primary}>
          {t("detail.signInToTakePart")}
        </Link>
      ) : !isWorker ? (
        <p className="text-stone-700">{t("detail.staffCannotVote")}</p>
      ) : (
        <Messages ns={["campaigns"]}>
          <FollowButton campaignId={id} following={following} />
        </Messages>
      )}

      {tokenStatus ? (
        <Card>
          <h2 className="mb-1 text-xl font-bold">{campaign.phase === "VOTING" ? t("ballot.title") : t("tokens.title")}</h2>
          {campaign.phase === "VOTING" ? <p className="mb-3 text-stone-700">{t("ballot.explain")}</p> : null}
          <Messages ns={["campaigns"]}>
            <TokenBallot
              campaignId={id}
              voting={campaign.phase === "VOTING"}
              options={approved.map((d) => ({ id: d.id, number: d.number, title: d.title }))}
              status={tokenStatus}
            />
          </Messages>
        </Card>
      ) : null}

      {campaign.phase === "VOTING" && canAct && !campaign.verifiedOnly ? (
        <Card>
          <h2 className="mb-1 text-xl font-bold">{t("ballot.title")}</h2>
          <p className="mb-3 text-stone-700">{t("ballot.explain")}</p>
          <Messages ns={["campaigns"]}>
            <RankingBallot campaignId={id} options={approved.map((d) => ({ id: d.id, number: d.number, title: d.title }))} initial={ballot?.demandIds ?? []} />
          </Messages>
        </Card>
      ) : null}

      {campaign.phase !== "PROPOSING" ? (
        <Card>
          <h2 className="mb-2 text-xl font-bold">{t("results.title")}</h2>
          <CampaignFiguresView figures={figures} demands={approved} platformNames={platformNames} />
        </Card>
      ) : null}

      {tokenCounts ? <TokenCounts counts={tokenCounts} /> : null}

      {mine.length ? <MyProposals proposals={mine} /> : null}
      <DemandList demands={campaign.phase === "PROPOSING" ? demands : approved} canSupport={canAct && campaign.phase === "PROPOSING"} />

      {campaign.phase === "PROPOSING" && canAct ? (
        <Card>
          <h2 className="mb-2 text-xl font-bold">{t("demands.propose")}</h2>
          <Messages ns={["campaigns", "taxonomy"]}>
            <DemandForm campaignId={id} as="worker" />
          </Messages>
        </Card>
      ) : null}
    </div>
  );
}
