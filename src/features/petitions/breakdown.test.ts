import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { K, publicTotal, suppress } from "./breakdown";

const groupsArb = fc.uniqueArray(fc.record({ value: fc.string({ minLength: 1, maxLength: 6 }), count: fc.integer({ min: 0, max: 40 }) }), {
  selector: (g) => g.value,
  maxLength: 12,
});

describe("signature breakdowns", () => {
  it("never show a group of 1 to 4 signers", () => {
    fc.assert(fc.property(groupsArb, (groups) => suppress(groups).every((g) => g.count >= K)));
  });

  it("never let the total minus the shown groups reveal 1 to 4 signers", () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        const total = groups.reduce((s, g) => s + g.count, 0);
        if (total < K) return true; // the total itself is not shown then, nor any breakdown
        const rest = total - suppress(groups).reduce((s, g) => s + g.count, 0);
        return rest === 0 || rest >= K;
      }),
    );
  });

  it("shows groups with their exact counts, and hides nothing it need not", () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        const shown = suppress(groups);
        const exact = shown.every((g) => groups.some((x) => x.value === g.value && x.count === g.count));
        const allLarge = groups.every((g) => g.count === 0 || g.count >= K);
        return exact && (!allLarge || shown.length === groups.filter((g) => g.count > 0).length);
      }),
    );
  });

  it("hides the next-smallest group when one small group is hidden", () => {
    expect(suppress([{ value: "a", count: 3 }, { value: "b", count: 6 }, { value: "c", count: 20 }])).toEqual([{ value: "c", count: 20 }]);
    expect(suppress([{ value: "a", count: 5 }, { value: "b", count: 6 }])).toEqual([
      { value: "b", count: 6 },
      { value: "a", count: 5 },
    ]);
  });

  it("shows a total only from 5 signers up", () => {
    expect(publicTotal(4)).toBeNull();
    expect(publicTotal(5)).toBe(5);
  });
});
