import { useLocale, useTranslations } from "next-intl";
import type { CampaignDetail } from "~/features/campaigns/data";
import { day } from "~/features/campaigns/format";

/** Title, phase, dates, scope and parties addressed: the same for workers and organisers (server or client). */
export function CampaignHeader({ campaign, platformNames }: { campaign: CampaignDetail; platformNames: Record<string, string> }) {
  const [t, tp, tx, locale] = [useTranslations("campaigns.detail"), useTranslations("campaigns.phase"), useTranslations("taxonomy"), useLocale()];
  const scope = [
    ...campaign.scopePlatformSlugs.map((s) => platformNames[s] ?? s),
    ...campaign.scopeSectors.map((s) => tx(`sector.${s}` as never)),
    ...campaign.scopeCities.map((c) => tx(`city.${c}` as never)),
  ];
  const targets = [
    ...campaign.targetPlatformSlugs.map((s) => platformNames[s] ?? s),
    ...(campaign.targetsUnion ? [locale === "en" ? `${campaign.union.nameEn} (${t("theUnion")})` : `${campaign.union.nameZh}（${t("theUnion")}）`] : []),
    ...(campaign.targetGovernment ? [campaign.targetGovernment] : []),
  ];
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold">{campaign.title}</h1>
      <p className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-stone-200 px-2 py-0.5 font-medium" data-testid="campaign-phase">
          {tp(campaign.phase)}
        </span>
        <span className="text-sm text-stone-700">
          {t("dates", { proposing: day(campaign.proposingFrom), voting: day(campaign.votingFrom), closes: day(campaign.closesOn) })}
        </span>
      </p>
      <p className="whitespace-pre-line">{campaign.description}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">{t("scope")}</dt>
        <dd>{scope.length ? scope.join("、") : t("everyone")}</dd>
        {targets.length ? (
          <>
            <dt className="font-medium">{t("addresses")}</dt>
            <dd>{targets.join("、")}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
