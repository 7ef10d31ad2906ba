import { HEALTH, SCHEMES } from "~/features/reports/schema";
import { suppress, type JointCell, type Suppression } from "~/features/stats/k-anonymity";

// From summed counts to published figures: P4 suppression (k-anonymity.ts) decides which
// breakdown cells may be shown, then counts become shares. No database access here; data.ts
// reads the summary and scoped.ts scopes it, and both publish only through `publish`.

export type Figures = {
  n: number;
  noContract: number;
  noSocialInjury: number;
  pension: Record<(typeof SCHEMES)[number], number>;
  /** Share at the lowest level among resident-scheme members, when that group is big enough. */
  residentLowest: number | null;
  over8h: number;
  over6d: number;
  accident: number;
  deactivated: number;
  health: Record<(typeof HEALTH)[number], number>;
  medianHours: number | null;
  medianHourly: number | null;
};
export type Breakdown = { key: string; figures: Figures }[];
export type Period = { from: string; to: string };

/** The counts a group's figures are made of; `p_*` per pension scheme, `h_*` per health problem. */
export const COUNT_KEYS = [
  "n",
  "noContract",
  "noSocialInjury",
  "residentN",
  "residentLowest",
  "over8h",
  "over6d",
  "accident",
  "deactivated",
  ...SCHEMES.map((s) => `p_${s}` as const),
  ...HEALTH.map((h) => `h_${h}` as const),
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** One group: a joint cell (every dimension set), a margin (one set) or the total (none set). */
export type Row<D extends string> = Record<CountKey, number> &
  Record<D, string | null> & { medianHours: number | null; medianHourly: number | null };

const share = (part: number, n: number) => Math.round((part / n) * 1000) / 1000;

function figures(row: Row<string>, residentShown: boolean): Figures {
  const n = row.n;
  const num = (k: CountKey) => share(row[k], n);
  return {
    n,
    noContract: num("noContract"),
    noSocialInjury: num("noSocialInjury"),
    pension: Object.fromEntries(SCHEMES.map((s) => [s, num(`p_${s}`)])) as Figures["pension"],
    residentLowest: residentShown ? share(row.residentLowest, row.residentN) : null,
    over8h: num("over8h"),
    over6d: num("over6d"),
    accident: num("accident"),
    deactivated: num("deactivated"),
    health: Object.fromEntries(HEALTH.map((h) => [h, num(`h_${h}`)])) as Figures["health"],
    medianHours: row.medianHours,
    medianHourly: row.medianHourly,
  };
}

/** Suppression of the main counts, then of the resident-scheme sub-group on top of it. */
export function publish<D extends string>(rows: Row<D>[], dims: readonly D[]) {
  const isJoint = (r: Row<D>) => dims.every((d) => r[d] !== null);
  const joint = rows.filter(isJoint);
  const cells = (count: (r: Row<D>) => number): JointCell<D>[] =>
    joint.map((r) => ({ keys: Object.fromEntries(dims.map((d) => [d, r[d]!])) as Record<D, string>, n: count(r) }));
  const main = suppress(cells((r) => r.n), dims);
  const hidden = Object.fromEntries(
    dims.map((d) => [d, new Set(joint.map((r) => String(r[d])).filter((k) => !main.shown[d].has(k)))]),
  ) as unknown as Record<D, Set<string>>;
  const resident: Suppression<D> = suppress(cells((r) => r.residentN), dims, hidden);

  const only = (d: D) => rows.filter((r) => r[d] !== null && dims.every((o) => o === d || r[o] === null));
  const total = rows.find((r) => dims.every((d) => r[d] === null));
  const breakdown = (d: D): Breakdown =>
    only(d)
      .filter((r) => main.shown[d].has(r[d]!))
      .map((r) => ({ key: r[d]!, figures: figures(r, resident.shown[d].has(r[d]!)) }))
      .sort((a, b) => b.figures.n - a.figures.n);
  return {
    total: main.totalShown && total ? figures(total, resident.totalShown) : null,
    breakdowns: Object.fromEntries(dims.map((d) => [d, breakdown(d)])) as Record<D, Breakdown>,
  };
}
