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
    expect(stepErrors({ ...values, contract: undefined, contractParty: undefined }, 4)).toEqual(["contract", "contractParty"]);
    expect(stepErrors({ ...values, activeHoursPerWeek: "" }, 1)).toEqual(["activeHoursPerWeek"]);
  });

  it("keeps the costs screen optional: empty costs are no data, not zero, and a skipped screen moves on", () => {
    const values = { ...fromInput(validReport()), costVehicle: "", costEnergy: " ", costPhone: "０" };
    expect(stepErrors({ ...values, costFees: "" }, 3)).toEqual([]);
    expect(toInput(values)).toMatchObject({ costVehicle: null, costEnergy: null, costPhone: 0 });
    expect(stepErrors({ ...values, costFees: "-5" }, 3)).toEqual(["costFees"]);
    expect(fromInput(validReport({ costFees: null })).costFees).toBe("");
  });

  it("drops answers that do not apply", () => {
    const input = toInput({ ...fromInput(validReport()), accident: "NONE", compensatedBy: "SELF", pensionScheme: "NONE", pensionLevel: "LOWEST" });
    expect(input).toMatchObject({ compensatedBy: null, pensionLevel: "UNKNOWN" });
  });
});
