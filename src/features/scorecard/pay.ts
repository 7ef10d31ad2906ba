// Pay after work costs per active hour, and the wage a cell is measured against.

/** Weeks in a month, as the report form's own hourly estimate uses. */
export const WEEKS_PER_MONTH = 4.33;

export type PayFields = {
  monthlyNetIncome: number;
  activeHoursPerWeek: number | null;
  costs: readonly (number | null)[];
};

/**
 * Net income after the worker's own costs per active hour in tenths of a yuan, or null without
 * active hours or without any cost answered (no data). Same rule as the SQL function
 * wv_net_after_costs_tenths (migration 20261203070000_scorecard_fields).
 */
export function netAfterCostsTenths({ monthlyNetIncome, activeHoursPerWeek, costs }: PayFields): number | null {
  if (!activeHoursPerWeek || activeHoursPerWeek <= 0 || costs.every((c) => c === null)) return null;
  const net = monthlyNetIncome - costs.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  return roundHalfAwayFromZero((net / (activeHoursPerWeek * WEEKS_PER_MONTH)) * 10);
}

// PostgreSQL's round(numeric) rounds halves away from zero; Math.round rounds them up.
const roundHalfAwayFromZero = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

export type WageKind = "MINIMUM_PART_TIME_HOURLY" | "LIVING_HOURLY";
export type Wage = { kind: WageKind; city: string; hourlyFen: number; effectiveFrom: string; source: string };

/** The wage of a kind in force in a city on a day (YYYY-MM-DD), or null: none on file. */
export function wageInForce(wages: readonly Wage[], kind: WageKind, city: string, day: string): Wage | null {
  let best: Wage | null = null;
  for (const w of wages) {
    if (w.kind !== kind || w.city !== city || w.effectiveFrom > day) continue;
    if (!best || w.effectiveFrom > best.effectiveFrom) best = w;
  }
  return best;
}

export type Histogram = { tenths: readonly number[]; counts: readonly number[] };

/** How many values of a histogram (tenths of a yuan) are at or above a wage in fen. */
export function countAtOrAbove(h: Histogram, hourlyFen: number): number {
  let n = 0;
  h.tenths.forEach((t, i) => {
    if (t * 10 >= hourlyFen) n += h.counts[i] ?? 0;
  });
  return n;
}

export const histogramTotal = (h: Histogram) => h.counts.reduce((a, b) => a + b, 0);
