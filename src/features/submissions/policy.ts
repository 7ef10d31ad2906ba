// Pure rules of submissions, shared by pages and feature functions.

export const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** From version 2 on, a correction must say what it changes. */
export function changelogRequired(nextVersion: number): boolean {
  return nextVersion > 1;
}

export type PartyProgress = { completedOn: Date | null };
export type PublicStatus = "answered" | "awaiting" | "overdue";

/**
 * The list's one-word status: answered once every party has answered every item; overdue once
 * the response clock ran out before that; awaiting otherwise. The answers page tells the detail.
 */
export function submissionStatus(parties: PartyProgress[], respondBy: Date | null, today: Date): PublicStatus {
  if (parties.length > 0 && parties.every((p) => p.completedOn !== null)) return "answered";
  if (respondBy && today > respondBy) return "overdue";
  return "awaiting";
}

const DAY_MS = 86_400_000;
export const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
