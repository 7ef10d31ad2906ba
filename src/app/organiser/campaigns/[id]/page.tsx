import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Card } from "~/components/ui";
import { CampaignHeader } from "~/features/campaigns/components/campaign-header";
import { CampaignForm } from "~/features/campaigns/components/campaign-form";
import { PhaseControls } from "~/features/campaigns/components/phase-controls";
import { day } from "~/features/campaigns/format";
import { CampaignFiguresView } from "~/features/ballots/components/campaign-figures-view";
import { isFrozen } from "~/features/campaigns/policy";
import { chinaToday } from "~/lib/days";
import { DemandForm } from "~/features/demands/components/demand-form";
import { MergeForm, ModerationActions } from "~/features/demands/components/moderation-card";
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
  const [t, td, tx, locale] = await Promise.all([getTranslations("campaigns.organiser"), getTranslations("campaigns.demands"), getTranslations("taxonomy.category"), getLocale()]);
  const [platforms, demands, figures] = await Promise.all([caller.accounts.platforms(), caller.demands.forUnion({ campaignId: id }), caller.ballots.results({ campaignId: id })]);
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));
  const open = campaign.phase === "PROPOSING";
  const live = demands.filter((d) => d.status !== "MERGED" && d.status !== "REJECTED");
  const approved = demands.filter((d) => d.status === "APPROVED");

  return (
    <div className="space-y-4">
      <CampaignHeader campaign={campaign} platformNames={platformNames} />
      <Messages ns={["campaigns", "taxonomy"]}>
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
            platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))}
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
      </Messages>
    </div>
  );
}
