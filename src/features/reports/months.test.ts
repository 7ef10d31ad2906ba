import { describe, expect, it } from "vitest";
import { editDeadline, isEditable, monthStart, openMonths, statsPeriod } from "~/features/reports/months";
import { chinaToday } from "~/lib/days";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("report months", () => {
  it("uses the date in China", () => {
    expect(chinaToday(new Date("2026-11-30T17:00:00Z"))).toEqual(day("2026-12-01"));
  });

  it("are editable until seven days after the month ends", () => {
    expect(editDeadline(monthStart("2026-10"))).toEqual(day("2026-11-07"));
    expect(isEditable(monthStart("2026-10"), day("2026-11-07"))).toBe(true);
    expect(isEditable(monthStart("2026-10"), day("2026-11-08"))).toBe(false);
    expect(isEditable(monthStart("2026-12"), day("2026-11-28"))).toBe(false);
  });

  it("offer this month, and last month only during the grace days", () => {
    expect(openMonths(day("2026-11-05"))).toEqual(["2026-11", "2026-10"]);
    expect(openMonths(day("2026-11-28"))).toEqual(["2026-11"]);
  });

  it("count only closed months in statistics", () => {
    expect(statsPeriod(day("2026-11-28"))).toEqual({ from: day("2025-11-01"), to: day("2026-10-01") });
    expect(statsPeriod(day("2026-11-03"))).toEqual({ from: day("2025-10-01"), to: day("2026-09-01") });
  });
});
