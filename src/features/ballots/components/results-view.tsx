import { useTranslations } from "next-intl";
import type { Results, ResultRow } from "~/features/ballots/results";
import { VerifiedPart } from "~/features/verification/components/verified-part";

type Props = {
  results: Results;
  demands: { id: string; number: number; title: string }[];
  platformNames: Record<string, string>;
};

/**
 * The final tally of a closed campaign, as server-rendered tables: no chart library reaches the
 * phone. Figures arrive already suppressed (getCampaignFigures). Plain hooks: server or client.
 */
export function ResultsView({ results, demands, platformNames }: Props) {
  const t = useTranslations("campaigns.results");
  const tx = useTranslations("taxonomy");
  if (!results.enough) return <p data-testid="results-too-few">{t("tooFew")}</p>;
  const titleOf = new Map(demands.map((d) => [d.id, `#${d.number} ${d.title}`]));
  const fmt = (v: number | null) => (v === null ? t("hidden") : String(v));
  const pct = (v: number | null) => (v === null ? t("hidden") : `${Math.round(v * 100)}%`);
  const groupName = (dim: string, value: string) => {
    if (value === "unknown") return t("unknown");
    if (value === "several") return t("several");
    if (dim === "city") return tx(`city.${value}` as never);
    if (dim === "sector") return tx(`sector.${value}` as never);
    return platformNames[value] ?? value;
  };
  const table = (rows: ResultRow[], caption: string, testId: string) => (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-400">
            <th scope="col" className="py-1 pr-2">{t("demand")}</th>
            <th scope="col" className="px-1 text-right">{t("points")}</th>
            <th scope="col" className="px-1 text-right">{t("firsts")}</th>
            <th scope="col" className="pl-1 text-right">{t("share")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.demandId} className="border-b border-stone-200" data-demand={r.demandId}>
              <th scope="row" className="py-1 pr-2 font-normal">{titleOf.get(r.demandId)}</th>
              <td className="px-1 text-right font-semibold" data-col="points">{fmt(r.points)}</td>
              <td className="px-1 text-right" data-col="firsts">{fmt(r.firsts)}</td>
              <td className="pl-1 text-right" data-col="share">{pct(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="space-y-4">
      <p className="font-medium">
        {t("final")} · <span data-testid="ballot-count">{t("ballots", { count: results.ballots })}</span>
      </p>
      <VerifiedPart credibility={results.credibility} />
      {table(results.rows, t("title"), "results-table")}
      <p className="text-sm text-stone-700">{t("rule")}</p>
      <p className="text-sm text-stone-700">{t("hiddenNote")}</p>
      <h3 className="text-lg font-bold">{t("breakdowns")}</h3>
      {results.breakdowns.map((b) => (
        <details key={b.dim} className="rounded-lg border border-stone-300 p-2" data-testid={`breakdown-${b.dim}`}>
          <summary className="min-h-11 content-center font-semibold">{t(`dim.${b.dim}`)}</summary>
          {b.groups.length === 0 ? <p>{t("noGroups")}</p> : null}
          {b.groups.map((g) => (
            <div key={g.value} className="mt-3" data-group={g.value}>
              <h4 className="font-medium">{t("group", { name: groupName(b.dim, g.value), count: g.ballots })}</h4>
              {table(g.rows, groupName(b.dim, g.value), `breakdown-${b.dim}-${g.value}`)}
            </div>
          ))}
          {b.hiddenGroups > 0 ? <p className="mt-2 text-sm text-stone-700">{t("hiddenGroups", { count: b.hiddenGroups })}</p> : null}
        </details>
      ))}
    </div>
  );
}
