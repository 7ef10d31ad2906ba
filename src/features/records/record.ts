import { publishVerdicts, type VerdictCounts } from "~/features/verdicts/outcome";

// The arithmetic of a platform's public record, pure so it is tested on its own. The counting
// happens in SQL (data.ts); this turns counts into the shares the page and the API show.

/** Where a party stands with a submission's response clock. */
export type PartyStatus = "COMPLETE" | "OVERDUE" | "PARTIAL" | "AWAITING";

/**
 * COMPLETE once every item has an answer; OVERDUE when the clock ran out before that (the rule
 * behind the overdue notices); otherwise PARTIAL with some answers, AWAITING with none.
 */
export function partyStatus(p: { firstAnsweredOn: Date | null; completedOn: Date | null }, respondBy: Date, today: Date): PartyStatus {
  if (p.completedOn) return "COMPLETE";
  if (respondBy.getTime() < today.getTime()) return "OVERDUE";
  return p.firstAnsweredOn ? "PARTIAL" : "AWAITING";
}

/** A fraction 0..1 rounded to 4 decimals, as in the submission document; null with nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Commitments with the same verdict counts, as SQL groups them. */
export type CommitmentGroup = VerdictCounts & { commitments: number };

export type CommitmentRecord = {
  /** Current accepted or partly accepted answers with a date by which they will be done. */
  total: number;
  /** Those whose verdicts may be shown (at least 5 workers answered "was this done?"). */
  judged: number;
  /** Of the judged ones, those more than half of the workers confirm were done. */
  confirmedDone: number;
  /** confirmedDone / judged. */
  confirmedShare: number | null;
};

/** Only commitments whose verdicts pass publishVerdicts count, with its one definition of DONE. */
export function commitmentRecord(groups: readonly CommitmentGroup[]): CommitmentRecord {
  let total = 0;
  let judged = 0;
  let confirmedDone = 0;
  for (const g of groups) {
    total += g.commitments;
    const published = publishVerdicts({ YES: g.YES, PARTLY: g.PARTLY, NO: g.NO });
    if (!published.shown) continue;
    judged += g.commitments;
    if (published.outcome === "DONE") confirmedDone += g.commitments;
  }
  return { total, judged, confirmedDone, confirmedShare: share(confirmedDone, judged) };
}
