// Month arithmetic for reports, on calendar dates in China time (chinaToday, src/lib/days.ts). A report covers one month; it
// can be filed and changed until seven days after that month ends, and statistics only count
// months whose window has closed, so published figures change once a month and a single new
// report cannot be picked out by comparing today's page with yesterday's.

export const EDIT_GRACE_DAYS = 7;
export const STATS_MONTHS = 12;

/** "2026-11" -> 2026-11-01 (UTC midnight). */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function addMonths(date: Date, n: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
}

/** The last day a report for this month may be filed or changed. */
export function editDeadline(month: Date): Date {
  const next = addMonths(month, 1);
  return new Date(next.getTime() + (EDIT_GRACE_DAYS - 1) * 86_400_000);
}

export function isEditable(month: Date, today: Date): boolean {
  return month <= today && today <= editDeadline(month);
}

/** Months a worker can report on today: this month, and last month during the grace days. */
export function openMonths(today: Date): string[] {
  const current = addMonths(today, 0);
  const previous = addMonths(today, -1);
  return [monthKey(current), ...(isEditable(previous, today) ? [monthKey(previous)] : [])];
}

/** The statistics period: the latest STATS_MONTHS months whose edit window has closed. */
export function statsPeriod(today: Date): { from: Date; to: Date } {
  let last = addMonths(today, -1);
  if (isEditable(last, today)) last = addMonths(last, -1);
  return { from: addMonths(last, -(STATS_MONTHS - 1)), to: last };
}

/** Months whose "My reports" entries a worker may still have: a little over the stats period. */
export function recentMonths(today: Date, count = STATS_MONTHS + 2): string[] {
  return Array.from({ length: count }, (_, i) => monthKey(addMonths(today, -i)));
}
