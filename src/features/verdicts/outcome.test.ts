import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { publishVerdicts, verdictOutcome, VERDICT_VALUES } from "~/features/verdicts/outcome";

describe("publishVerdicts", () => {
  it("shows nothing below five verdicts", () => {
    expect(publishVerdicts({ YES: 4, PARTLY: 0, NO: 0 })).toEqual({ shown: false });
  });

  it("hides a small count and the next smallest with it", () => {
    const p = publishVerdicts({ YES: 20, PARTLY: 2, NO: 7 });
    expect(p).toMatchObject({ shown: true, total: 29, counts: { YES: 20, PARTLY: null, NO: null }, outcome: "DONE" });
  });

  it("never lets a published count, or the total minus the shown counts, cover 1 to 4 workers", () => {
    const n = fc.nat({ max: 40 });
    fc.assert(
      fc.property(n, n, n, (YES, PARTLY, NO) => {
        const p = publishVerdicts({ YES, PARTLY, NO });
        if (!p.shown) return YES + PARTLY + NO < 5;
        const shown = VERDICT_VALUES.map((v) => p.counts[v]).filter((x): x is number => x !== null);
        const rest = p.total - shown.reduce((s, x) => s + x, 0);
        return shown.every((x) => x === 0 || x >= 5) && (rest === 0 || rest >= 5);
      }),
    );
  });

  it("calls a commitment done only when more than half say yes", () => {
    expect(verdictOutcome({ YES: 5, PARTLY: 0, NO: 5 })).toBe("MIXED");
    expect(verdictOutcome({ YES: 6, PARTLY: 2, NO: 3 })).toBe("DONE");
    expect(verdictOutcome({ YES: 1, PARTLY: 2, NO: 6 })).toBe("NOT_DONE");
  });
});
