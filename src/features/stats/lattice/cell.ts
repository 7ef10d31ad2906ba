import { K } from "~/features/stats/k-anonymity";
import { COUNT_KEYS, type CountKey } from "~/features/stats/publish";

// One lattice cell as it may be published (PRIVACY.md P4, CONTRIBUTING.md "Statistics from a
// fixed lattice"). Pure: sealing (data.ts) applies it once per cell and stores the result,
// the property tests apply it to random cells.

export type CellCounts = Record<CountKey, number>;

/** A numerator is published only as 0 or at least K: rounded to a multiple of K, at most n. */
export const publishableCount = (c: number, n: number) => c === 0 || (c >= K && c <= n) || (c === n && n >= K);

/**
 * Unbiased random rounding of a numerator c (0 <= c <= n, n >= K) to the multiple of K below it
 * or the next one up (or n when that is less): rounded up with probability (c - lo) / (hi - lo),
 * so the expected value is c exactly. Small cells therefore do not always publish 0% or 100%,
 * and sums of many cells stay unbiased. The result is 0 or at least K, never 1 to 4.
 */
export function roundCount(c: number, n: number, random: () => number): number {
  const lo = K * Math.floor(c / K);
  if (c === lo) return c;
  const hi = Math.min(lo + K, n);
  return random() < (c - lo) / (hi - lo) ? hi : lo;
}

/**
 * The cell as it is sealed: null when it has fewer than K reports (it enters no published sum,
 * not even the total), otherwise n exact and every numerator rounded by roundCount. Drawn once,
 * at sealing, and stored, so reading it again can never average the rounding away.
 */
export function publishableCell(cell: CellCounts, random: () => number = Math.random): CellCounts | null {
  if (cell.n < K) return null;
  const out = { ...cell };
  for (const k of COUNT_KEYS) if (k !== "n") out[k] = roundCount(Math.min(cell[k], cell.n), cell.n, random);
  return out;
}

/** Extra numerators of a shown cell (the scorecard's counters, the verified count), rounded as publishableCell rounds its own. */
export function roundedCounts<T extends string>(counts: Record<T, number>, n: number, random: () => number = Math.random): Record<T, number> {
  const out = { ...counts };
  for (const k of Object.keys(counts) as T[]) out[k] = roundCount(Math.min(Math.max(counts[k], 0), n), n, random);
  return out;
}

export type Bins = { tenths: number[]; counts: number[] };

/**
 * A histogram of a shown cell of n reports, rounded once at sealing for a test of the form
 * "at least half are at or above a wage" (the scorecard's pay point): what such a test reads is
 * the count at or above a value, so that is what is rounded. Each count at or above a bin
 * (ascending tenths, counts > 0) is rounded like a numerator (to a multiple of K, or to n), all
 * with ONE shared draw, which keeps them in order (a larger count never rounds below a smaller
 * one) while each stays exact in expectation; the bins returned are the differences, so
 * countAtOrAbove reads back a rounded count (0, at least K, or n) for any wage, and the total
 * (the reports with pay data) is rounded too. What rounding costs: bins are no longer exact, so
 * this histogram gives no exact median, only the test against a wage, which may differ from the
 * exact median's verdict when the true share is within a few reports of a half. Empty bins are
 * dropped.
 */
export function roundHistogram(h: Bins, n: number, random: () => number = Math.random): Bins {
  const u = random();
  const round = (c: number) => roundCount(c, n, () => u);
  const atOrAbove: number[] = [];
  let running = 0;
  for (let i = h.counts.length - 1; i >= 0; i--) atOrAbove[i] = round(Math.min((running += h.counts[i]!), n));
  const out: Bins = { tenths: [], counts: [] };
  h.tenths.forEach((t, i) => {
    const c = atOrAbove[i]! - (atOrAbove[i + 1] ?? 0);
    if (c > 0) {
      out.tenths.push(t);
      out.counts.push(c);
    }
  });
  return out;
}
