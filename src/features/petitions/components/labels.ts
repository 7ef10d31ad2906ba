// Display helpers shared by server pages and client islands.
import { chinaToday, daysBetween } from "~/lib/days";

type Named = { nameZh: string; nameEn: string } | null;

export function targetName(p: { targetKind: string; targetName: string | null; platform: Named; union: Named }, locale: string) {
  const named = p.platform ?? p.union;
  if (named) return locale === "en" ? named.nameEn : named.nameZh;
  return p.targetName ?? "";
}

/** Stored dates are calendar days (UTC midnight); format them without shifting the day. */
export const DAY = { dateStyle: "medium", timeZone: "UTC" } as const;

export function daysSince(date: Date, today = chinaToday()) {
  return Math.max(0, daysBetween(date, today));
}
