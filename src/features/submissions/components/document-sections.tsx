import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "~/components/ui";
import type { SubmissionDocument } from "~/features/submissions/document";
import { sharePct } from "~/features/verification/credibility";

type Doc = { doc: SubmissionDocument };
type Named = Doc & { platformNames: Record<string, string> };

async function formatters() {
  const [t, tx, locale] = await Promise.all([getTranslations("submissions.doc"), getTranslations("taxonomy"), getLocale()]);
  return {
    t,
    tx,
    locale,
    fmt: (v: number | null) => (v === null ? t("hidden") : new Intl.NumberFormat(locale).format(v)),
    pct: (v: number | null) => (v === null ? t("hidden") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v)),
  };
}

function groupLabel(tx: Awaited<ReturnType<typeof formatters>>["tx"], t: Awaited<ReturnType<typeof formatters>>["t"], platformNames: Record<string, string>) {
  return (dim: string, value: string) => {
    if (value === "unknown") return t("unknown");
    if (value === "several") return t("several");
    if (dim === "city") return tx(`city.${value}` as never);
    if (dim === "sector") return tx(`sector.${value}` as never);
    return platformNames[value] ?? value;
  };
}

export async function BreakdownsSection({ doc, platformNames }: Named) {
  const { t, tx, fmt, pct } = await formatters();
  if (doc.breakdowns.length === 0) return null;
  const label = groupLabel(tx, t, platformNames);
  const titles = new Map(doc.demands.map((d) => [d.demandId, `#${d.number} ${d.title}`]));
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{t("breakdowns")}</h3>
      {doc.breakdowns.map((b) => (
        <details key={b.dim} className="mb-2 rounded-lg border border-stone-300 p-2" data-testid={`submission-breakdown-${b.dim}`}>
          <summary className="min-h-11 content-center font-semibold">{t(`dim.${b.dim}`)}</summary>
          {b.groups.length === 0 ? <p>{t("noGroups")}</p> : null}
          {b.groups.map((g) => (
            <div key={g.value} className="mt-3 overflow-x-auto" data-group={g.value}>
              <table className="w-full text-left text-sm">
                <caption className="text-left font-medium">{t("group", { name: label(b.dim, g.value), count: g.ballots })}</caption>
                <thead>
                  <tr className="border-b border-stone-400">
                    <th scope="col" className="py-1 pr-2">{t("demand")}</th>
                    <th scope="col" className="px-1 text-right">{t("points")}</th>
                    <th scope="col" className="px-1 text-right">{t("firsts")}</th>
                    <th scope="col" className="pl-1 text-right">{t("share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => (
                    <tr key={r.demandId} className="border-b border-stone-200">
                      <th scope="row" className="py-1 pr-2 font-normal">{titles.get(r.demandId) ?? r.demandId}</th>
                      <td className="px-1 text-right">{fmt(r.points)}</td>
                      <td className="px-1 text-right">{fmt(r.firsts)}</td>
                      <td className="pl-1 text-right">{pct(r.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {b.hiddenGroups > 0 ? <p className="mt-2 text-sm text-stone-700">{t("hiddenGroups", { count: b.hiddenGroups })}</p> : null}
        </details>
      ))}
    </Card>
  );
}

export async function PetitionsSection({ doc }: Doc) {
  const { t, locale } = await formatters();
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{t("petitions")}</h3>
      {doc.petitions.length === 0 ? <p>{t("noPetitions")}</p> : null}
      <ul className="space-y-2">
        {doc.petitions.map((p) => (
          <li key={p.id}>
            <a href={`/petitions/${p.id}`} className="font-semibold text-blue-800 underline">
              {p.title}
            </a>
            <p className="text-sm">{p.ask}</p>
            <p className="text-sm text-stone-700">
              {p.signatures === null ? t("fewSignatures") : t("signatures", { count: p.signatures })} · {t("threshold", { count: p.threshold })}
              {p.thresholdReachedOn ? ` ${t("reachedOn", { date: p.thresholdReachedOn })}` : ""}
              {p.verifiedOnly ? ` · ${t("petitionVerifiedOnly")}` : ""}
              {p.verifiedShare != null && p.signatures !== null && !p.verifiedOnly ? ` · ${t("petitionVerifiedShare", { share: sharePct(p.verifiedShare, p.signatures, locale) })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const SHARES = ["noContract", "noSocialInjury", "over8h", "over6d", "accident", "deactivated", "residentLowest"] as const;

export async function ConditionsSection({ doc, platformNames }: Named) {
  const { t, tx, pct, locale } = await formatters();
  const c = doc.conditions;
  const num = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v));
  const label = groupLabel(tx, t, platformNames);
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{t("conditions")}</h3>
      {!c ? (
        <p>{t("noConditions")}</p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">
            {t("period", { from: c.period.from, to: c.period.to })} · {t("reports", { count: c.reports })}
          </p>
          <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
            {SHARES.map((k) => (
              <div key={k} className="contents">
                <dt>{t(`m.${k}`)}</dt>
                <dd className="text-right font-semibold">{pct(c.figures[k])}</dd>
              </div>
            ))}
            <dt>{t("m.medianHours")}</dt>
            <dd className="text-right font-semibold">{num(c.figures.medianHours)}</dd>
            <dt>{t("m.medianHourly")}</dt>
            <dd className="text-right font-semibold">{num(c.figures.medianHourly)}</dd>
          </dl>
          {c.breakdowns
            .filter((b) => b.groups.length > 0)
            .map((b) => (
              <div key={b.dim} className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="text-left font-medium">{t(`dim.${b.dim}`)}</caption>
                  <thead>
                    <tr className="border-b border-stone-400">
                      <th scope="col" className="py-1 pr-2">
                        <span className="sr-only">{t(`dim.${b.dim}`)}</span>
                      </th>
                      <th scope="col" className="px-1 text-right">n</th>
                      <th scope="col" className="px-1 text-right">{t("m.noContract")}</th>
                      <th scope="col" className="pl-1 text-right">{t("m.medianHours")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.groups.map((g) => (
                      <tr key={g.key} className="border-b border-stone-200">
                        <th scope="row" className="py-1 pr-2 font-normal">{label(b.dim, g.key)}</th>
                        <td className="px-1 text-right">{g.figures.n}</td>
                        <td className="px-1 text-right">{pct(g.figures.noContract)}</td>
                        <td className="pl-1 text-right">{num(g.figures.medianHours)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </div>
      )}
    </Card>
  );
}

export async function QuotesSection({ doc }: Doc) {
  const { t } = await formatters();
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{t("quotes")}</h3>
      <p className="mb-2 text-sm text-stone-700">{t("quotesNote")}</p>
      {doc.quotes.length === 0 ? <p>{t("noQuotes")}</p> : null}
      <ul className="space-y-2">
        {doc.quotes.map((q, i) => (
          <li key={i}>
            <blockquote className="border-l-4 border-stone-300 pl-3">{q.text}</blockquote>
            <p className="text-xs text-stone-700">{q.month}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export async function MethodSection({ doc }: Doc) {
  const { t, locale } = await formatters();
  const pick = (b: { zh: string; en: string }) => (locale === "en" ? b.en : b.zh);
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{t("method")}</h3>
      <dl className="space-y-2 text-sm">
        {(["eligibility", "counting", "tieBreak", "counted"] as const).map((k) => {
          // "counted" exists in documents compiled since issue 13 only.
          const text = doc.method[k];
          return text ? (
            <div key={k}>
              <dt className="font-semibold">{t(k)}</dt>
              <dd>{pick(text)}</dd>
            </div>
          ) : null;
        })}
      </dl>
    </Card>
  );
}
