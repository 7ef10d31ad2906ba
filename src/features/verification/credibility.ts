import { K } from "~/features/ballots/suppression";

// How much of a count comes from workers a union checked in person (PRIVACY.md P4). One rule
// for every count that shows it: petitions, campaign turnout, platform records, submissions.
// A participant counts as verified by the account's mark (src/features/verification): for a
// ballot, the campaign's union verified the voter; for a signature, any union did.

const small = (n: number) => n > 0 && n < K;

/** `value` rounded to the fewest decimals from `min` up for which `ok` holds (at most 12). */
function fewestDecimals(value: number, min: number, ok: (rounded: number) => boolean): { rounded: number; decimals: number } {
  for (let d = min; d < 12; d++) {
    const f = 10 ** d;
    const rounded = Math.round(value * f) / f;
    if (ok(rounded)) return { rounded, decimals: d };
  }
  return { rounded: value, decimals: 12 };
}

/**
 * Share of `total` from verified participants, for published documents: null unless the total
 * is at least K and neither part covers 1 to 4 workers; otherwise rounded (4 decimals, more for
 * large totals) so that share x total gives back exactly the verified count, never 1 to 4.
 */
export function verifiedShare(total: number, verified: number): number | null {
  if (total < K || small(verified) || small(total - verified)) return null;
  return fewestDecimals(verified / total, 4, (s) => Math.round(s * total) === verified).rounded;
}

export type Credibility =
  /** The total itself is "fewer than 5": nothing more is said. */
  | { kind: "hidden" }
  /** A count that admits verified participants only. */
  | { kind: "allVerified" }
  /** Fewer than 5 of the total (0 included, so the first verified participant changes nothing). */
  | { kind: "fewVerified" }
  /** All but fewer than 5 (0 included) are verified. */
  | { kind: "fewUnverified" }
  /** The verified part, its share, and how many decimals the percentage needs (see below). */
  | { kind: "share"; verified: number; share: number; percentDigits: number };

/**
 * What a live page shows beside a count. Pages read it only through this function, so the
 * release of live figures in steps (issue 12) can replace its inputs in one place. Parts of 0
 * to 4 are grouped with "fewer than 5": a figure that moved from 0 to "fewer than 5" would tell
 * that one participant who just acted was (or was not) verified.
 */
export function credibility(total: number, verified: number, verifiedOnly = false): Credibility {
  if (total < K) return { kind: "hidden" };
  if (verifiedOnly && verified === total) return { kind: "allVerified" };
  if (verified < K) return { kind: "fewVerified" };
  if (total - verified < K) return { kind: "fewUnverified" };
  const share = verified / total;
  return { kind: "share", verified, share, percentDigits: percentDigits(share, total) };
}

/** Decimals a percentage of `share` needs so that it times `total` gives neither part as 1 to 4. */
export function percentDigits(share: number, total: number): number {
  const safe = (pct: number) => !small(Math.round((pct / 100) * total)) && !small(Math.round((1 - pct / 100) * total));
  return fewestDecimals(share * 100, 0, safe).decimals;
}

/** A share as a percentage with the decimals percentDigits asks for. */
export function sharePct(share: number, total: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: percentDigits(share, total) }).format(share);
}
