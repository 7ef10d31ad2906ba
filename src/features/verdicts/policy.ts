import type { AppErrorCode } from "~/lib/app-error";
import { isCommitment } from "~/features/answers/schema";

// When workers may judge an answer ("was this done?"). Pure: the answers page, the deadline
// sweep's rule and giveVerdict all use it.

type Judged = { status: string; current: boolean; dueOn: Date | null };

/** Why a verdict on this answer is refused today, or null when it may be given. */
export function verdictRefusal(a: Judged, today: Date): AppErrorCode | null {
  if (!isCommitment(a.status) || !a.dueOn) return "NOT_A_COMMITMENT";
  if (!a.current) return "ANSWER_SUPERSEDED";
  // Asked only once the promised day is over: "after the date passes".
  if (a.dueOn.getTime() >= today.getTime()) return "VERDICT_NOT_YET";
  return null;
}

export const verdictsOpen = (a: Judged, today: Date) => verdictRefusal(a, today) === null;
