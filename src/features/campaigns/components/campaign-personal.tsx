"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles, Card } from "~/components/ui";
import { RankingBallot } from "~/features/ballots/components/ranking-ballot";
import { FollowButton } from "~/features/campaigns/components/follow-button";
import type { Phase } from "~/features/campaigns/schema";
import { DemandForm } from "~/features/demands/components/demand-form";
import { MyProposals } from "~/features/demands/components/my-proposals";
import { SupportButton } from "~/features/demands/components/support-button";
import { usePageState } from "~/features/personal/components/page-state";
import type { CampaignState } from "~/features/personal/page-state";
import { TokenBallot } from "~/features/tokens/components/token-ballot";
import { withReturnTo } from "~/lib/return-to";

// The personal parts of a campaign page (issue 15): the page is rendered once for everyone and
// cached; who is looking, their ballot, follow, supports and proposals come from the page's
// personal request (GET /api/me/page), and these islands show them in place.

type Option = { id: string; number: number; title: string };
type Viewer = { kind: "unknown" } | { kind: "anonymous" } | { kind: "staff" } | { kind: "worker"; state: CampaignState; canAct: boolean };

function useViewer(): Viewer {
  const personal = usePageState();
  if (!personal) return { kind: "unknown" };
  if (!personal.account) return { kind: "anonymous" };
  if (personal.account.role !== "WORKER" || !personal.campaign) return { kind: "staff" };
  return { kind: "worker", state: personal.campaign, canAct: personal.campaign.verified };
}

/** Sign in, "staff cannot vote", or the follow button; in a verified-only campaign, how to get verified. */
export function CampaignActions({ campaignId, verifiedOnly }: { campaignId: string; verifiedOnly: boolean }) {
  const t = useTranslations("campaigns.detail");
  const viewer = useViewer();
  if (viewer.kind === "unknown") return <p className="h-11" aria-busy="true" />;
  if (viewer.kind === "anonymous") {
    return (
      <Link href={withReturnTo("/sign-in", `/campaigns/${campaignId}`)} className={buttonStyles.primary}>
        {t("signInToTakePart")}
      </Link>
    );
  }
  if (viewer.kind === "staff") return <p className="text-stone-700">{t("staffCannotVote")}</p>;
  return (
    <>
      {verifiedOnly && !viewer.state.verified ? (
        <Link href="/verify" className="inline-block min-h-11 content-center font-medium text-blue-900 underline">
          {t("getVerified")}
        </Link>
      ) : null}
      <FollowButton campaignId={campaignId} following={viewer.state.following} />
    </>
  );
}

/** The worker's ballot: ranked with the session, or with a blind token in a verified-only campaign. */
export function CampaignBallot({ campaignId, phase, verifiedOnly, options }: { campaignId: string; phase: Phase; verifiedOnly: boolean; options: Option[] }) {
  const t = useTranslations("campaigns");
  const viewer = useViewer();
  if (viewer.kind !== "worker" || !viewer.canAct) return null;
  const voting = phase === "VOTING";
  if (verifiedOnly) {
    const status = viewer.state.token;
    if (!status) return null;
    return (
      <Card>
        <h2 className="mb-1 text-xl font-bold">{voting ? t("ballot.title") : t("tokens.title")}</h2>
        {voting ? <p className="mb-3 text-stone-700">{t("ballot.explain")}</p> : null}
        <TokenBallot campaignId={campaignId} voting={voting} options={options} status={status} />
      </Card>
    );
  }
  if (!voting) return null;
  return (
    <Card>
      <h2 className="mb-1 text-xl font-bold">{t("ballot.title")}</h2>
      <p className="mb-3 text-stone-700">{t("ballot.explain")}</p>
      <RankingBallot campaignId={campaignId} options={options} initial={viewer.state.ballot ?? []} />
    </Card>
  );
}

/** The worker's own proposals and what became of them. */
export function CampaignProposals() {
  const viewer = useViewer();
  if (viewer.kind !== "worker" || viewer.state.proposals.length === 0) return null;
  return <MyProposals proposals={viewer.state.proposals} />;
}

/** A demand's support button, for a worker who may take part while proposals are open. */
export function SupportSlot({ demandId, title }: { demandId: string; title: string }) {
  const viewer = useViewer();
  if (viewer.kind !== "worker" || !viewer.canAct) return null;
  return <SupportButton demandId={demandId} supported={viewer.state.supported.includes(demandId)} title={title} />;
}

/** The proposal form while proposals are open. */
export function ProposeCard({ campaignId }: { campaignId: string }) {
  const t = useTranslations("campaigns.demands");
  const viewer = useViewer();
  if (viewer.kind !== "worker" || !viewer.canAct) return null;
  return (
    <Card>
      <h2 className="mb-2 text-xl font-bold">{t("propose")}</h2>
      <DemandForm campaignId={campaignId} as="worker" />
    </Card>
  );
}
