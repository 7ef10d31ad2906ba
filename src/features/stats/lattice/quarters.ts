import { addMonths, monthKey, monthStart, statsPeriod } from "~/features/reports/months";

// Calendar quarters of the statistics lattice (CONTRIBUTING.md "Statistics from a fixed
// lattice"), in China time like every other date (chinaToday). Pure and client-safe.

/** "2026-Q3". */
export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`;

export const STATS_QUARTERS = 4;

/** The quarter a month (any day of it) belongs to. */
export function quarterOf(date: Date): QuarterKey {
  return `${date.getUTCFullYear()}-Q${(Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** "2026-Q3" -> 2026-07-01. */
export function quarterStart(q: string): Date {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) throw new Error(`not a quarter: ${q}`);
  return new Date(Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1));
}

/** The quarter's last month's first day. */
export const quarterLastMonth = (q: string) => addMonths(quarterStart(q), 2);

export const addQuarters = (q: string, n: number): QuarterKey => quarterOf(addMonths(quarterStart(q), 3 * n));

/**
 * The latest sealed quarter on `today`: the last whose every month's edit window has closed
 * (its last month is at most the last closed month of statsPeriod).
 */
export function lastSealedQuarter(today: Date): QuarterKey {
  const closed = statsPeriod(today).to;
  const q = quarterOf(closed);
  return quarterLastMonth(q) <= closed ? q : addQuarters(q, -1);
}

export const isSealed = (q: string, today: Date) => quarterStart(q) <= quarterStart(lastSealedQuarter(today));

/** The last `count` sealed quarters, oldest first: the public pages' period (no rolling months). */
export function lastSealedQuarters(today: Date, count = STATS_QUARTERS): QuarterKey[] {
  const last = lastSealedQuarter(today);
  return Array.from({ length: count }, (_, i) => addQuarters(last, i - count + 1));
}

/**
 * The sealed quarters a scope of months "YYYY-MM".."YYYY-MM" touches, oldest first: whole
 * quarters, so a scope is always a union of whole cells (a month range is widened to them).
 */
export function sealedQuartersOverlapping(from: string, to: string, today: Date): QuarterKey[] {
  const out: QuarterKey[] = [];
  const last = quarterStart(lastSealedQuarter(today));
  for (let q = quarterOf(monthStart(from)); quarterStart(q) <= monthStart(to) && quarterStart(q) <= last; q = addQuarters(q, 1)) out.push(q);
  return out;
}

/** The months "YYYY-MM" a list of quarters spans, for the published period. */
export function quarterPeriod(quarters: readonly string[]): { from: string; to: string } | null {
  if (quarters.length === 0) return null;
  return { from: monthKey(quarterStart(quarters[0]!)), to: monthKey(quarterLastMonth(quarters[quarters.length - 1]!)) };
}
