import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Card } from "~/components/ui";
import { SupportButton } from "~/features/demands/components/support-button";

type Demand = { id: string; number: number; title: string; text: string; category: string; status: string; supportCount: number | null; byOrganiser: boolean; supported?: boolean };

// Support counts arrive released in steps of 5 (src/features/stats/releases); under 5 they are
// null and read "fewer than 5".
export async function DemandList({ demands, canSupport }: { demands: Demand[]; canSupport: boolean }) {
  const [t, tx] = await Promise.all([getTranslations("campaigns.demands"), getTranslations("taxonomy.category")]);
  return (
    <section aria-labelledby="demands-heading" className="space-y-3">
      <h2 id="demands-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      {demands.length === 0 ? <p>{t("none")}</p> : <p className="text-sm text-stone-700">{t("supportsSteps")}</p>}
      <ul className="space-y-3">
        {demands.map((d) => (
          <li key={d.id}>
            <Card className="space-y-2" data-testid="demand">
              <h3 className="font-bold">
                #{d.number} {d.title}
              </h3>
              <p className="flex flex-wrap gap-2 text-sm">
                <span className="rounded bg-stone-200 px-2 py-0.5">{tx(d.category as never)}</span>
                <span className="rounded bg-stone-200 px-2 py-0.5">{d.status === "APPROVED" ? t("approved") : t("pending")}</span>
                {d.byOrganiser ? <span className="rounded bg-stone-200 px-2 py-0.5">{t("byUnion")}</span> : null}
              </p>
              <p className="whitespace-pre-line">{d.text}</p>
              <p className="text-sm text-stone-700" data-testid="support-count">
                {d.supportCount === null ? t("fewSupports") : t("supports", { count: d.supportCount })}
              </p>
              {canSupport ? (
                <Messages ns={["campaigns"]}>
                  <SupportButton demandId={d.id} supported={d.supported ?? false} title={d.title} />
                </Messages>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Proposal = Demand & { rejectReason: string | null; mergedInto: { number: number; title: string } | null };

export async function MyProposals({ proposals }: { proposals: Proposal[] }) {
  const t = await getTranslations("campaigns.demands");
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
