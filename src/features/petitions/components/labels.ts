// Display helpers shared by server pages and client islands.

type Named = { nameZh: string; nameEn: string } | null;

export function targetName(p: { targetKind: string; targetName: string | null; platform: Named; union: Named }, locale: string) {
  const named = p.platform ?? p.union;
  if (named) return locale === "en" ? named.nameEn : named.nameZh;
  return p.targetName ?? "";
}

/** Stored dates are calendar days (UTC midnight); format them without shifting the day. */
export const DAY = { dateStyle: "medium", timeZone: "UTC" } as const;

export function daysSince(date: Date, now = new Date()) {
  return Math.max(0, Math.floor((now.getTime() - date.getTime()) / 86_400_000));
}
