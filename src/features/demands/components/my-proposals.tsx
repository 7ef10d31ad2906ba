"use client";

import { useTranslations } from "next-intl";
import { Card } from "~/components/ui";

type Proposal = { id: string; number: number; title: string; status: string; rejectReason: string | null; mergedInto: { number: number; title: string } | null };

/** The worker's own proposals with their outcome (from the campaign page's personal request). */
export function MyProposals({ proposals }: { proposals: Proposal[] }) {
  const t = useTranslations("campaigns.demands");
  return (
    <Card className="space-y-2" data-testid="my-proposals">
      <h2 className="text-lg font-bold">{t("mine")}</h2>
      <ul className="space-y-2">
        {proposals.map((p) => (
          <li key={p.id}>
            <p className="font-medium">
              #{p.number} {p.title} · {t(`status.${p.status}` as never)}
            </p>
            {p.status === "REJECTED" && p.rejectReason ? <p className="text-sm">{t("rejectReason", { reason: p.rejectReason })}</p> : null}
            {p.status === "MERGED" && p.mergedInto ? <p className="text-sm">{t("mergedInto", { number: p.mergedInto.number, title: p.mergedInto.title })}</p> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
