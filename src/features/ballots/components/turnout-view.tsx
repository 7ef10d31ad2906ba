import { useTranslations } from "next-intl";
import type { Turnout } from "~/features/ballots/turnout";
import { VerifiedPart } from "~/features/verification/components/verified-part";

/** While voting is open: the turnout in steps of 5 and its verified part, never a tally. */
export function TurnoutView({ turnout }: { turnout: Turnout }) {
  const t = useTranslations("campaigns.results");
  return (
    <div className="space-y-2">
      <p className="font-medium" data-testid="turnout">
        {turnout.ballots === null ? t("turnoutFew") : t("turnout", { count: turnout.ballots })}
      </p>
      <VerifiedPart credibility={turnout.credibility} />
      <p className="text-sm text-stone-700">{t("turnoutStep", { step: turnout.step })}</p>
      <p className="text-sm text-stone-700">{t("finalAtClose")}</p>
    </div>
  );
}
