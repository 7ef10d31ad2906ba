import { PRINCIPLES, type Principle } from "~/features/scorecard/method";
import type { PlatformScorecard } from "~/features/scorecard/types";
import type { Texts } from "~/features/scorecard/components/labels";

// Server-rendered SVG, no chart script. Each point links to its quarter's row of the table
// under the charts, which holds the same figures as text (the charts' text alternative).

type History = PlatformScorecard["history"];

/** The chart shows the latest quarters that fit a phone's width; the table lists them all. */
export const CHART_QUARTERS = 8;
const W = 320;
const H = 112;
const LEFT = 28;
const RIGHT = 12;
const TOP = 12;
const STEP = 32; // per point of the 0..2 scale
const baseline = TOP + 2 * STEP;

const rowId = (quarter: string) => `history-${quarter}`;
const pointsText = ({ t }: Texts, points: number | null) => (points === null ? t("notEnough") : t("points", { points }));

function Chart({ texts, principle, history }: { texts: Texts; principle: Principle; history: History }) {
  const { t } = texts;
  const shown = history.slice(-CHART_QUARTERS);
  const x = (i: number) => (shown.length === 1 ? (LEFT + W - RIGHT) / 2 : LEFT + (i * (W - LEFT - RIGHT)) / (shown.length - 1));
  const y = (p: number) => baseline - p * STEP;
  const points = shown.map((h, i) => ({ quarter: h.quarter, p: h.card.principles[principle].points, cx: x(i) }));
  // Lines join consecutive quarters that both have a score; a quarter without one breaks the line.
  const segments = points.slice(1).flatMap((b, i) => {
    const a = points[i]!;
    return a.p !== null && b.p !== null ? [`M${a.cx} ${y(a.p)}L${b.cx} ${y(b.p)}`] : [];
  });
  const titleId = `history-chart-${principle}`;
  return (
    <figure className="space-y-1" data-testid={titleId}>
      <figcaption id={titleId} className="font-semibold">
        {t("history.chart", { principle: t(`principle.${principle}`) })}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-labelledby={titleId}>
        {[0, 1, 2].map((p) => (
          <g key={p}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(p)} y2={y(p)} className="stroke-stone-300" strokeWidth="1" />
            <text x={LEFT - 8} y={y(p) + 4} textAnchor="end" className="fill-stone-700 text-[11px]" aria-hidden="true">
              {p}
            </text>
          </g>
        ))}
        {segments.length ? <path d={segments.join("")} className="stroke-brand-700" strokeWidth="2.5" fill="none" /> : null}
        {points.map((pt) => (
          <a key={pt.quarter} href={`#${rowId(pt.quarter)}`} aria-label={t("history.pointLabel", { quarter: pt.quarter, points: pointsText(texts, pt.p) })} className="group" data-testid={`history-point-${principle}-${pt.quarter}`} data-points={pt.p ?? "none"}>
            {/* The hit area: at least 24 by 24 CSS pixels (WCAG 2.5.8) on a 320-pixel chart. */}
            <rect x={pt.cx - 14} y={TOP - 12} width="28" height={baseline - TOP + 24} fill="transparent" className="group-focus-visible:stroke-blue-900" strokeWidth="2" />
            {pt.p === null ? (
              <text x={pt.cx} y={y(1) + 4} textAnchor="middle" className="fill-stone-600 text-[12px]" aria-hidden="true">
                –
              </text>
            ) : (
              <circle cx={pt.cx} cy={y(pt.p)} r="6" className="fill-brand-700 stroke-white" strokeWidth="2" />
            )}
            <text x={pt.cx} y={H - 4} textAnchor="middle" className="fill-stone-700 text-[10px]" aria-hidden="true">
              {pt.quarter.slice(2)}
            </text>
          </a>
        ))}
      </svg>
    </figure>
  );
}

/** The history of a platform's points per principle over its sealed quarters: five charts and one table. */
export function HistoryCharts({ texts, card }: { texts: Texts; card: PlatformScorecard }) {
  const { t } = texts;
  return (
    <section aria-labelledby="score-history" className="space-y-3" data-testid="score-history">
      <h3 id="score-history" className="text-lg font-bold">
        {t("history.title")}
      </h3>
      {card.history.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700">{t("history.intro")}</p>
          {PRINCIPLES.map((p) => (
            <Chart key={p} texts={texts} principle={p} history={card.history} />
          ))}
          <div className="overflow-x-auto rounded-lg border border-stone-300" role="region" aria-labelledby="score-history-table" tabIndex={0}>
            <table className="w-full text-sm">
              <caption id="score-history-table" className="p-2 text-left font-semibold">
                {t("history.title")}
              </caption>
              <thead className="bg-stone-100 text-left">
                <tr>
                  <th scope="col" className="p-2">
                    {t("history.quarter")}
                  </th>
                  {PRINCIPLES.map((p) => (
                    <th key={p} scope="col" className="p-2">
                      {t(`principle.${p}`)}
                    </th>
                  ))}
                  <th scope="col" className="p-2">
                    {t("history.reportsCol")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...card.history].reverse().map((h) => (
                  <tr key={h.quarter} id={rowId(h.quarter)} className="border-t border-stone-200 target:bg-amber-50" data-testid={rowId(h.quarter)}>
                    <th scope="row" className="p-2 text-left font-medium">
                      {h.quarter}
                    </th>
                    {PRINCIPLES.map((p) => (
                      <td key={p} className="p-2" data-principle={p}>
                        {pointsText(texts, h.card.principles[p].points)}
                      </td>
                    ))}
                    <td className="p-2">{h.reports}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
