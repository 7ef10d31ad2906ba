import { describe, expect, it } from "vitest";
import { responseClock } from "~/features/answers/policy";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("the response clock", () => {
  it("counts days left up to and including the last day, then days overdue", () => {
    expect(responseClock(d("2027-01-10"), null, d("2027-01-01"))).toEqual({ state: "OPEN", daysLeft: 9 });
    expect(responseClock(d("2027-01-10"), null, d("2027-01-10"))).toEqual({ state: "OPEN", daysLeft: 0 });
    expect(responseClock(d("2027-01-10"), null, d("2027-01-11"))).toEqual({ state: "OVERDUE", daysOver: 1 });
    expect(responseClock(d("2027-01-10"), null, d("2027-03-11"))).toEqual({ state: "OVERDUE", daysOver: 60 });
  });

  it("stops when every item is answered, and says whether that was in time", () => {
    expect(responseClock(d("2027-01-10"), d("2027-01-10"), d("2027-05-01"))).toEqual({ state: "COMPLETE", onTime: true });
    expect(responseClock(d("2027-01-10"), d("2027-01-12"), d("2027-01-12"))).toEqual({ state: "COMPLETE", onTime: false });
  });
});
