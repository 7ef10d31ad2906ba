import { HEALTH, SCHEMES } from "~/features/reports/schema";
import { K } from "~/features/stats/k-anonymity";

// From sums of shown lattice cells (lattice/data.ts) to published figures: counts become shares. No
// database access here; data.ts reads the sealed cells and scoped.ts scopes them, and both
// publish only through `publish`.

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

const pascal = (code: string) =>
  code
    .toLowerCase()
    .split("_")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
/** The summary column (ReportSummary, SealedCell) holding each count. */
export const SUMMARY_COLUMN = Object.fromEntries(
  COUNT_KEYS.map((k) => [k, k.startsWith("p_") ? `pension${pascal(k.slice(2))}` : k.startsWith("h_") ? `health${pascal(k.slice(2))}` : k]),
) as Record<CountKey, string>;

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
    residentLowest: residentShown ? Math.min(1, share(row.residentLowest, row.residentN)) : null,
    over8h: num("over8h"),
    over6d: num("over6d"),
    accident: num("accident"),
    deactivated: num("deactivated"),
    health: Object.fromEntries(HEALTH.map((h) => [h, num(`h_${h}`)])) as Figures["health"],
    medianHours: row.medianHours,
    medianHourly: row.medianHourly,
  };
}

/**
 * Rows (sums of shown lattice cells, see lattice/data.ts) to published figures. No suppression is
 * left to do here, because nothing hidden is in the rows: a hidden cell was never stored, and
 * every numerator is 0 or at least K. A group is shown with n >= K (always true of a non-empty
 * sum of shown cells); breakdowns come in key order, never ordered by a count.
 */
export function publish<D extends string>(rows: Row<D>[], dims: readonly D[]) {
  const only = (d: D) => rows.filter((r) => r[d] !== null && dims.every((o) => o === d || r[o] === null));
  const total = rows.find((r) => dims.every((d) => r[d] === null));
  const breakdown = (d: D): Breakdown =>
    only(d)
      .filter((r) => r.n >= K)
      .map((r) => ({ key: r[d]!, figures: figures(r, r.residentN >= K) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    total: total && total.n >= K ? figures(total, total.residentN >= K) : null,
    breakdowns: Object.fromEntries(dims.map((d) => [d, breakdown(d)])) as Record<D, Breakdown>,
  };
}
