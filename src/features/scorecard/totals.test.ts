import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCORECARD_COUNTERS } from "~/features/scorecard/counters";
import { countAtOrAbove, netAfterCostsTenths, wageInForce, type Wage } from "~/features/scorecard/pay";
import { lastFourQuarters, quarterOfMonth, quarterStart } from "~/features/scorecard/quarters";
import { NO_PORTAL_RECORD, totalsOf, type CellSummary } from "~/features/scorecard/totals";

const wage = (city: string, yuan: number, from: string, kind: Wage["kind"] = "MINIMUM_PART_TIME_HOURLY"): Wage => ({ kind, city, hourlyFen: Math.round(yuan * 100), effectiveFrom: from, source: "test notice" });

function cell(city: string, quarter: CellSummary["quarter"], pay: Record<number, number>, n = 10): CellSummary {
  const tenths = Object.keys(pay).map(Number).sort((a, b) => a - b);
  const zero = Object.fromEntries(Object.keys(SCORECARD_COUNTERS).map((k) => [k, 0]));
  return { city, quarter, counts: { ...zero, n, noContract: n, noSocialInjury: n, accident: 0 } as CellSummary["counts"], payHistogram: { tenths, counts: tenths.map((t) => pay[t]!) } };
}

describe("pay after costs per active hour", () => {
  it("takes the worker's own costs off the income and divides by active hours", () => {
    // (7000 - 300 - 200) / (60 h a week x 4.33) = 25.02 yuan an hour.
    expect(netAfterCostsTenths({ monthlyNetIncome: 7000, activeHoursPerWeek: 60, costs: [300, 200, null, null, null, null] })).toBe(250);
  });
  it("is no data without active hours or without any cost answered", () => {
    expect(netAfterCostsTenths({ monthlyNetIncome: 7000, activeHoursPerWeek: null, costs: [300, null, null, null, null, null] })).toBeNull();
    expect(netAfterCostsTenths({ monthlyNetIncome: 7000, activeHoursPerWeek: 60, costs: [null, null, null, null, null, null] })).toBeNull();
    expect(netAfterCostsTenths({ monthlyNetIncome: 7000, activeHoursPerWeek: 60, costs: [0, null, null, null, null, null] })).toBe(269);
  });
  it("counts values at the wage as at or above it", () => {
    expect(countAtOrAbove({ tenths: [276, 277, 278], counts: [1, 2, 4] }, 2770)).toBe(6);
    expect(countAtOrAbove({ tenths: [221, 222], counts: [1, 1] }, 2215)).toBe(1);
  });
});

describe("the wage in force", () => {
  const wages = [wage("beijing", 26.4, "2023-09-01"), wage("beijing", 27.7, "2024-09-01")];
  it("is the latest effective on the day, so a past quarter keeps its own wage", () => {
    expect(wageInForce(wages, "MINIMUM_PART_TIME_HOURLY", "beijing", "2024-07-01")?.hourlyFen).toBe(2640);
    expect(wageInForce(wages, "MINIMUM_PART_TIME_HOURLY", "beijing", "2024-09-01")?.hourlyFen).toBe(2770);
  });
  it("is none before the first figure, in a city without one, and of another kind", () => {
    expect(wageInForce(wages, "MINIMUM_PART_TIME_HOURLY", "beijing", "2023-08-31")).toBeNull();
    expect(wageInForce(wages, "MINIMUM_PART_TIME_HOURLY", "other", "2025-01-01")).toBeNull();
    expect(wageInForce(wages, "LIVING_HOURLY", "beijing", "2025-01-01")).toBeNull();
  });
});

describe("quarters", () => {
  it("names, starts and counts back", () => {
    expect(quarterOfMonth("2026-11")).toBe("2026-Q4");
    expect(quarterStart("2026-Q3")).toBe("2026-07-01");
    expect(lastFourQuarters("2026-Q2")).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
  });
});

describe("totals over cells", () => {
  const wages = [wage("beijing", 26.4, "2023-09-01"), wage("beijing", 27.7, "2024-09-01")];
  it("measures each cell against its own city's wage of its quarter", () => {
    const t = totalsOf([cell("beijing", "2024-Q3", { 265: 3, 270: 2 }), cell("beijing", "2024-Q4", { 270: 2, 280: 3 })], NO_PORTAL_RECORD, wages);
    // 2024-Q3 began before the raise: 26.4 yuan, all 5 at or above; 2024-Q4 against 27.7: 3 of 5.
    expect(t).toMatchObject({ n: 20, payData: 10, payMinimumBase: 10, payAtMinimum: 8 });
  });
  it("leaves cities without a wage on file (and 'other') out of the wage base", () => {
    const t = totalsOf([cell("other", "2025-Q1", { 500: 5 }), cell("kunming", "2025-Q1", { 500: 5 })], NO_PORTAL_RECORD, wages);
    expect(t).toMatchObject({ payData: 10, payMinimumBase: 0, payAtMinimum: 0 });
  });
});

describe("the counters in one place", () => {
  it("are the conditions the migration counts in the summary", () => {
    const sql = readFileSync("prisma/migrations/20261203070000_scorecard_fields/migration.sql", "utf8");
    const body = sql.slice(sql.indexOf("CREATE FUNCTION wv_scorecard_counts()"));
    const rows = [...body.slice(0, body.indexOf("$$;")).matchAll(/\('(\w+)', \$c\$(.*?)\$c\$\)/g)].map((m) => [m[1], m[2]]);
    const expected = Object.entries(SCORECARD_COUNTERS).map(([k, v]) => [k, v.sql]);
    expect(rows).toEqual(expected);
  });
});
