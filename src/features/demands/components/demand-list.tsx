import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Card } from "~/components/ui";
import { SupportSlot } from "~/features/campaigns/components/campaign-personal";

type Demand = { id: string; number: number; title: string; text: string; category: string; status: string; supportCount: number | null; byOrganiser: boolean };

// Support counts arrive released in steps of 5 (src/features/stats/releases); under 5 they are
// null and read "fewer than 5". The list is the same for everyone (a cached page): while
// `supportable`, each demand has a slot where a worker who may take part gets the support button.
export async function DemandList({ demands, supportable }: { demands: Demand[]; supportable: boolean }) {
  const [t, tx] = await Promise.all([getTranslations("campaigns.demands"), getTranslations("taxonomy.category")]);
  return (
    <section aria-labelledby="demands-heading" className="space-y-3">
      <h2 id="demands-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      {demands.length === 0 ? <p>{t("none")}</p> : <p className="text-sm text-stone-700">{t("supportsSteps")}</p>}
      <Messages ns={["campaigns"]}>
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
                {supportable ? <SupportSlot demandId={d.id} title={d.title} /> : null}
              </Card>
            </li>
          ))}
        </ul>
      </Messages>
    </section>
  );
}
