"use client";

import { useQueries } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { Card } from "~/components/ui";
import { CampaignFiguresView } from "~/features/ballots/components/campaign-figures-view";
import { CampaignForm } from "~/features/campaigns/components/campaign-form";
import { CampaignHeader } from "~/features/campaigns/components/campaign-header";
import { PhaseControls } from "~/features/campaigns/components/phase-controls";
import { DeskRefetch } from "~/features/campaigns/components/write-feedback";
import { day } from "~/features/campaigns/format";
import { isFrozen } from "~/features/campaigns/policy";
import { DemandForm } from "~/features/demands/components/demand-form";
import { MergeForm, ModerationActions } from "~/features/demands/components/moderation-card";
import { chinaToday } from "~/lib/days";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

type Initial = {
  campaign: RouterOutputs["campaigns"]["getForUnion"];
  demands: RouterOutputs["demands"]["forUnion"];
  figures: RouterOutputs["ballots"]["results"];
};

/**
 * The organiser's campaign desk. The server's render gives its three queries (the campaign, its
 * demands with their history, the released figures) their first data; after any write here the
 * desk asks those again (DeskRefetch), never the whole page (issue 15).
 */
export function OrganiserCampaignDesk({ campaignId: id, initial, platforms, platformNames }: { campaignId: string; initial: Initial; platforms: { slug: string; name: string }[]; platformNames: Record<string, string> }) {
  const [t, td, tx] = [useTranslations("campaigns.organiser"), useTranslations("campaigns.demands"), useTranslations("taxonomy.category")];
  const trpc = useTRPC();
  const input = { campaignId: id };
  const [campaignQ, demandsQ, figuresQ] = useQueries({
    queries: [
      { ...trpc.campaigns.getForUnion.queryOptions(input), initialData: initial.campaign, staleTime: Infinity },
      { ...trpc.demands.forUnion.queryOptions(input), initialData: initial.demands, staleTime: Infinity },
      { ...trpc.ballots.results.queryOptions(input), initialData: initial.figures, staleTime: Infinity },
    ],
  });
  const refetch = useCallback(() => Promise.all([campaignQ.refetch(), demandsQ.refetch(), figuresQ.refetch()]), [campaignQ, demandsQ, figuresQ]);
  const campaign = campaignQ.data;
  const demands = demandsQ.data;
  const figures = figuresQ.data;
  const open = campaign.phase === "PROPOSING";
  const live = demands.filter((d) => d.status !== "MERGED" && d.status !== "REJECTED");
  const approved = demands.filter((d) => d.status === "APPROVED");

  return (
    <div className="space-y-4">
      <CampaignHeader campaign={campaign} platformNames={platformNames} />
      <DeskRefetch value={refetch}>
        <PhaseControls campaignId={id} phase={campaign.phase} />

        {/* The same figures everyone sees: turnout in steps during voting, the tally at close. */}
        {campaign.phase !== "PROPOSING" ? (
          <Card>
            <h2 className="mb-2 text-xl font-bold">{t("results")}</h2>
            <CampaignFiguresView figures={figures} demands={approved} platformNames={platformNames} />
          </Card>
        ) : null}

        <section aria-labelledby="moderate-heading" className="space-y-3">
          <h2 id="moderate-heading" className="text-xl font-bold">
            {t("moderate")}
          </h2>
          {!open ? <p className="text-stone-700">{t("moderationClosed")}</p> : null}
          <p className="text-sm text-stone-700">{td("supportsSteps")}</p>
          <ul className="space-y-3">
            {demands.map((d) => (
              <li key={d.id}>
                <Card className="space-y-2" data-testid="moderation-demand">
                  <h3 className="font-bold">
                    #{d.number} {d.title}
                  </h3>
                  <p className="text-sm">
                    {tx(d.category as never)} · {td(`status.${d.status}` as never)}
                    {d.mergedInto ? ` → #${d.mergedInto.number}` : ""} · {d.supportCount === null ? td("fewSupports") : t("supports", { count: d.supportCount })}
                  </p>
                  <p className="whitespace-pre-line">{d.text}</p>
                  {d.rejectReason ? <p className="text-sm">{td("rejectReason", { reason: d.rejectReason })}</p> : null}
                  <details>
                    <summary className="min-h-11 content-center text-sm font-medium">{t("history", { count: d.revisions.length })}</summary>
                    <ol className="space-y-1 text-sm">
                      {d.revisions.map((r) => (
                        <li key={r.version}>
                          v{r.version} · {day(r.createdOn)} · {t(`revision.${r.kind}` as "revision.merged", { note: r.note ?? "" })}: {r.title}
                        </li>
                      ))}
                    </ol>
                  </details>
                  <ModerationActions demand={d} open={open} />
                </Card>
              </li>
            ))}
          </ul>
        </section>

        {open && live.length > 1 ? (
          <Card>
            <h2 className="mb-2 text-xl font-bold">{t("mergeTitle")}</h2>
            <MergeForm campaignId={id} demands={live} />
          </Card>
        ) : null}

        {open ? (
          <Card>
            <h2 className="mb-2 text-xl font-bold">{t("addDemand")}</h2>
            <DemandForm campaignId={id} as="organiser" />
          </Card>
        ) : null}

        <Card>
          <h2 className="mb-2 text-xl font-bold">{t("settings")}</h2>
          <CampaignForm
            campaignId={id}
            frozen={isFrozen(campaign, chinaToday())}
            platforms={platforms}
            initial={{
              title: campaign.title,
              description: campaign.description,
              scopePlatformSlugs: campaign.scopePlatformSlugs,
              scopeSectors: campaign.scopeSectors,
              scopeCities: campaign.scopeCities as never,
              targetPlatformSlugs: campaign.targetPlatformSlugs,
              targetsUnion: campaign.targetsUnion,
              targetGovernment: campaign.targetGovernment ?? "",
              proposingFrom: day(campaign.proposingFrom),
              votingFrom: day(campaign.votingFrom),
              closesOn: day(campaign.closesOn),
              verifiedOnly: campaign.verifiedOnly,
            }}
          />
        </Card>
      </DeskRefetch>
    </div>
  );
}
