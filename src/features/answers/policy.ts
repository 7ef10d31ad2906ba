import { daysBetween } from "~/lib/days";

// The response clock shown to everyone: pure, so pages, records and tests share one rule.

export type ClockState =
  | { state: "OPEN"; daysLeft: number }
  | { state: "OVERDUE"; daysOver: number }
  | { state: "COMPLETE"; onTime: boolean };

/**
 * A party is overdue from the day after `respondBy` while some item still has no answer from
 * it; once every item is answered the clock stops (and says whether that was in time).
 */
export function responseClock(respondBy: Date, completedOn: Date | null, today: Date): ClockState {
  if (completedOn) return { state: "COMPLETE", onTime: completedOn.getTime() <= respondBy.getTime() };
  const left = daysBetween(today, respondBy);
  return left >= 0 ? { state: "OPEN", daysLeft: left } : { state: "OVERDUE", daysOver: -left };
}
