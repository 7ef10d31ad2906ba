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
