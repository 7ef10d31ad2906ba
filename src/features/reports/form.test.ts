import { describe, expect, it } from "vitest";
import { fromInput, parseAll, stepErrors, toInput } from "~/features/reports/form";
import { validReport } from "~/test/report-input";

describe("the stepper's form state", () => {
  it("round-trips a report and accepts full-width digits", () => {
    const values = fromInput(validReport());
    expect(parseAll(values).success).toBe(true);
    expect(toInput({ ...values, hoursPerDay: "１０.５" }).hoursPerDay).toBe(10.5);
  });

  it("names the fields of a step that are missing or out of range", () => {
    const values = fromInput(validReport());
    expect(stepErrors({ ...values, hoursPerDay: "25", daysPerWeek: "" }, 1)).toEqual(["hoursPerDay", "daysPerWeek"]);
    expect(stepErrors({ ...values, hoursPerDay: "25" }, 0)).toEqual([]);
    expect(stepErrors({ ...values, contract: undefined }, 3)).toEqual(["contract"]);
  });

  it("drops answers that do not apply", () => {
    const input = toInput({ ...fromInput(validReport()), accident: "NONE", compensatedBy: "SELF", pensionScheme: "NONE", pensionLevel: "LOWEST" });
    expect(input).toMatchObject({ compensatedBy: null, pensionLevel: "UNKNOWN" });
  });
});
