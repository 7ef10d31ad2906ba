import { getLocale, getTranslations } from "next-intl/server";
import type { Breakdown } from "~/features/stats/publish";

/**
 * One breakdown (by city or by kind of work) as a compact table; hidden groups never arrive.
 * `idPrefix` gives each row an anchor (`city-shanghai`) that the scorecard's points link to.
 */
export async function BreakdownTable({ title, rows, label, idPrefix }: { title: string; rows: Breakdown; label: (key: string) => string; idPrefix?: string }) {
  const [t, locale] = await Promise.all([getTranslations("stats"), getLocale()]);
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(v);
  const num = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v));
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-bold">{title}</h2>
      {rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-stone-300">
          <table className="w-full text-sm">
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="p-2">
                  <span className="sr-only">{title}</span>
                </th>
                <th scope="col" className="p-2">n</th>
                <th scope="col" className="p-2">{t("m.noContract")}</th>
                <th scope="col" className="p-2">{t("m.noSocialInjury")}</th>
                <th scope="col" className="p-2">{t("m.medianHours")}</th>
                <th scope="col" className="p-2">{t("m.medianHourly")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} id={idPrefix ? `${idPrefix}-${r.key}` : undefined} className="border-t border-stone-200 target:bg-amber-50" data-testid={`row-${r.key}`}>
                  <th scope="row" className="p-2 text-left font-medium">
                    {label(r.key)}
                  </th>
                  <td className="p-2">{r.figures.n}</td>
                  <td className="p-2">{pct(r.figures.noContract)}</td>
                  <td className="p-2">{pct(r.figures.noSocialInjury)}</td>
                  <td className="p-2">{num(r.figures.medianHours)}</td>
                  <td className="p-2">{num(r.figures.medianHourly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("noData")}</p>
      )}
      <p className="text-sm text-stone-700">{t("someHidden")}</p>
    </section>
  );
}
