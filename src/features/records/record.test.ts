import { describe, expect, it } from "vitest";
import { commitmentRecord, partyStatus, share } from "~/features/records/record";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("partyStatus", () => {
  const respondBy = d("2026-02-01");
  it("is complete once every item is answered, even late", () => {
    expect(partyStatus({ firstAnsweredOn: d("2026-01-05"), completedOn: d("2026-03-01") }, respondBy, d("2026-04-01"))).toBe("COMPLETE");
  });
  it("is overdue from the day after the clock runs out without a full answer", () => {
    expect(partyStatus({ firstAnsweredOn: null, completedOn: null }, respondBy, d("2026-02-01"))).toBe("AWAITING");
    expect(partyStatus({ firstAnsweredOn: null, completedOn: null }, respondBy, d("2026-02-02"))).toBe("OVERDUE");
    expect(partyStatus({ firstAnsweredOn: d("2026-01-10"), completedOn: null }, respondBy, d("2026-02-02"))).toBe("OVERDUE");
    expect(partyStatus({ firstAnsweredOn: d("2026-01-10"), completedOn: null }, respondBy, d("2026-01-20"))).toBe("PARTIAL");
  });
});

describe("share", () => {
  it("rounds to 4 decimals and is null without a denominator", () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(0, 0)).toBeNull();
  });
});

describe("commitmentRecord", () => {
  it("counts only commitments whose verdicts may be shown, and confirms on more than half yes", () => {
    const r = commitmentRecord([
      { YES: 0, PARTLY: 0, NO: 0, commitments: 4 }, // not judged yet
      { YES: 4, PARTLY: 0, NO: 0, commitments: 2 }, // 4 workers: below k
      { YES: 3, PARTLY: 2, NO: 0, commitments: 1 }, // done
      { YES: 3, PARTLY: 3, NO: 0, commitments: 1 }, // exactly half: mixed
      { YES: 0, PARTLY: 1, NO: 9, commitments: 2 }, // not done
    ]);
    expect(r).toEqual({ total: 10, judged: 4, confirmedDone: 1, confirmedShare: 0.25 });
  });
});
