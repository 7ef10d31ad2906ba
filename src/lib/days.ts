// Dates in the submission flow are calendar days (PRIVACY.md: no precise times), stored as UTC
// midnight. Pure and client-safe.

const DAY_MS = 86_400_000;

export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** "YYYY-MM-DD" to the stored day; null when it is not a real calendar day. */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : d;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** For next-intl's dateTime: stored days are UTC midnight, so format them in UTC. */
export const DAY_FORMAT = { dateStyle: "medium", timeZone: "UTC" } as const;
