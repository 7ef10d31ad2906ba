import { useFormatter, useTranslations } from "next-intl";
import type { Credibility } from "~/features/verification/credibility";

/** The line beside a count saying how much of it is from verified workers (server or client). */
export function VerifiedPart({ credibility: c, className = "text-sm text-stone-700" }: { credibility: Credibility; className?: string }) {
  const t = useTranslations("common.credibility");
  const format = useFormatter();
  if (c.kind === "hidden") return null;
  const text =
    c.kind === "share"
      ? t("share", { verified: format.number(c.verified), share: format.number(c.share, { style: "percent", maximumFractionDigits: c.percentDigits }) })
      : t(c.kind);
  return (
    <p className={className} data-testid="verified-part">
      {text}
    </p>
  );
}
