import { describe, expect, it } from "vitest";
import { pensionContribution } from "~/features/rights/pension";

describe("flexible-employee pension contribution", () => {
  it("is 20% of the chosen base, split 12% pooled and 8% personal", () => {
    const c = pensionContribution(8000, 60);
    expect(c.base).toBe(4800);
    expect(c.periods.perMonth).toEqual({ total: 960, pooled: 576, personal: 384 });
    expect(c.periods.perQuarter.total).toBe(2880);
    expect(c.periods.perHalfYear.total).toBe(5760);
    expect(c.periods.perYear).toEqual({ total: 11520, pooled: 6912, personal: 4608 });
  });

  it("keeps the base between 60% and 300% of the average wage", () => {
    expect(pensionContribution(8000, 20).percent).toBe(60);
    expect(pensionContribution(8000, 500).base).toBe(24000);
  });
});
