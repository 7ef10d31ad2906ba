import { describe, expect, it } from "vitest";
import { chinaDayEnd, chinaToday, isoDay } from "~/lib/days";

const at = (iso: string) => isoDay(chinaToday(new Date(iso)));

describe("chinaToday, the product's one clock", () => {
  it("turns the day at midnight China time, 16:00 UTC", () => {
    expect(at("2026-03-31T15:59:59.999Z")).toBe("2026-03-31");
    expect(at("2026-03-31T16:00:00.000Z")).toBe("2026-04-01");
    expect(at("2026-03-31T16:30:00Z")).toBe("2026-04-01");
    // 07:59 in China: UTC is still on the previous day, China is not.
    expect(at("2026-12-01T23:59:00Z")).toBe("2026-12-02");
    expect(at("2026-12-31T16:00:00Z")).toBe("2027-01-01");
  });

  it("returns the stored form of a day: UTC midnight", () => {
    const d = chinaToday(new Date("2026-03-31T16:30:00Z"));
    expect(d.toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("has no daylight saving: the same offset in winter and summer", () => {
    expect(at("2026-01-15T16:00:00Z")).toBe("2026-01-16");
    expect(at("2026-07-15T16:00:00Z")).toBe("2026-07-16");
  });

  it("ends a stored day at the next midnight in China", () => {
    expect(chinaDayEnd(new Date("2026-03-31T00:00:00Z")).toISOString()).toBe("2026-03-31T16:00:00.000Z");
  });
});
