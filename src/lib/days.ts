// Stored dates are calendar days (PRIVACY.md: no precise times), kept as UTC midnight of that
// day. Pure and client-safe.

const DAY_MS = 86_400_000;

/** The product's one time zone (CONTRIBUTING.md, "One clock"): no daylight saving, UTC+8. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Today, the calendar day in China time, as the stored-day Date (UTC midnight of that day).
 * The one definition of "today" in TypeScript; SQL's twin is wv_today(). Plain arithmetic
 * rather than Intl, because Asia/Shanghai has had a fixed offset since 1991.
 */
export function chinaToday(now = new Date()): Date {
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** The instant a stored day ends in China time (its next midnight there). */
export function chinaDayEnd(day: Date): Date {
  return new Date(day.getTime() + DAY_MS - CHINA_OFFSET_MS);
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
