// Workers' verdicts on one commitment ("was this done?"), made publishable under PRIVACY.md P4,
// and the single rule for calling a commitment confirmed. Pure: the submission pages, the
// platform records and the open-data API all go through here.

export const VERDICT_K = 5;
export const VERDICT_VALUES = ["YES", "PARTLY", "NO"] as const;
export type VerdictValue = (typeof VERDICT_VALUES)[number];
export type VerdictCounts = Record<VerdictValue, number>;

/** DONE: more than half said yes. NOT_DONE: more than half said no. Otherwise MIXED. */
export type VerdictOutcome = "DONE" | "NOT_DONE" | "MIXED";

export type PublishedVerdicts =
  | { shown: false }
  | { shown: true; total: number; counts: Record<VerdictValue, number | null>; outcome: VerdictOutcome };

export function verdictOutcome(c: VerdictCounts): VerdictOutcome {
  const total = c.YES + c.PARTLY + c.NO;
  if (c.YES * 2 > total) return "DONE";
  if (c.NO * 2 > total) return "NOT_DONE";
  return "MIXED";
}

/**
 * Nothing below VERDICT_K verdicts. Above it, a count of 1..4 is hidden, and while the hidden
 * counts add up to 1..4 (so "total minus the shown ones" would reveal them) the smallest shown
 * non-zero count is hidden too.
 */
export function publishVerdicts(c: VerdictCounts): PublishedVerdicts {
  const total = c.YES + c.PARTLY + c.NO;
  if (total < VERDICT_K) return { shown: false };
  const hidden = new Set<VerdictValue>(VERDICT_VALUES.filter((v) => c[v] > 0 && c[v] < VERDICT_K));
  const hiddenSum = () => [...hidden].reduce((s, v) => s + c[v], 0);
  while (hiddenSum() > 0 && hiddenSum() < VERDICT_K) {
    const next = VERDICT_VALUES.filter((v) => !hidden.has(v) && c[v] > 0).sort((a, b) => c[a] - c[b])[0];
    if (!next) break;
    hidden.add(next);
  }
  // A 0 is shown as "fewer than 5" too: counts arrive released in steps of 5, where 0 means 0 to 4.
  const counts = Object.fromEntries(VERDICT_VALUES.map((v) => [v, hidden.has(v) || c[v] === 0 ? null : c[v]])) as Record<VerdictValue, number | null>;
  return { shown: true, total, counts, outcome: verdictOutcome(c) };
}
