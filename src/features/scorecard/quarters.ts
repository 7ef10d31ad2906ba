// Sealed calendar quarters, named "2026-Q3".

export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOfMonth(month: string): QuarterKey {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}` as QuarterKey;
}

/** The quarter's first day, YYYY-MM-DD: the day whose wage in force scores it. */
export function quarterStart(q: QuarterKey): string {
  const [y, n] = q.split("-Q").map(Number) as [number, number];
  return `${y}-${String((n - 1) * 3 + 1).padStart(2, "0")}-01`;
}

/** The quarter and the three before it, newest first. */
export function lastFourQuarters(latest: QuarterKey): QuarterKey[] {
  const [y, n] = latest.split("-Q").map(Number) as [number, number];
  const out: QuarterKey[] = [];
  for (let i = 0; i < 4; i++) {
    const idx = y * 4 + (n - 1) - i;
    out.push(`${Math.floor(idx / 4)}-Q${(idx % 4) + 1}` as QuarterKey);
  }
  return out;
}
