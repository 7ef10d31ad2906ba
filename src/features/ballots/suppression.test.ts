import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { K, suppressLine, suppressTable } from "~/features/ballots/suppression";

const small = (n: number) => n > 0 && n < K;
const sumHidden = (values: number[], hidden: (i: number) => boolean) => values.reduce((s, v, i) => s + (hidden(i) ? v : 0), 0);

describe("suppressLine", () => {
  it("hides counts of 1-4 and the next-smallest so the total cannot reveal them", () => {
    expect([...suppressLine([2, 6, 30])].sort()).toEqual([0, 1]);
    expect([...suppressLine([0, 6, 30])]).toEqual([]);
    expect([...suppressLine([3, 4, 30])].sort()).toEqual([0, 1]);
    expect([...suppressLine([2, 6, 30], new Set(), false)]).toEqual([0]);
  });

  it("never leaves a shown cell of 1-4 nor a hidden remainder of 1-4 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 12 }), (values) => {
        const hidden = suppressLine(values);
        values.forEach((v, i) => {
          if (!hidden.has(i)) expect(small(v)).toBe(false);
        });
        // A total of 1-4 is itself never published, so only larger totals need protecting.
        const total = values.reduce((a, b) => a + b, 0);
        if (!small(total)) expect(small(sumHidden(values, (i) => hidden.has(i)))).toBe(false);
      }),
    );
  });
});

describe("suppressTable", () => {
  it("protects every row and column whose total is published (property)", () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((cols) =>
      fc.array(fc.array(fc.nat({ max: 25 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(table, fc.boolean(), (matrix, rowTotalsKnown) => {
        const hidden = suppressTable(matrix, { rowTotalsKnown, colTotalsKnown: true });
        matrix.forEach((row, r) =>
          row.forEach((v, c) => {
            if (!hidden[r]![c]) expect(small(v)).toBe(false);
          }),
        );
        for (let c = 0; c < matrix[0]!.length; c++) {
          const column = matrix.map((row) => row[c]!);
          if (!small(column.reduce((a, b) => a + b, 0))) expect(small(sumHidden(column, (r) => hidden[r]![c]!))).toBe(false);
        }
        if (rowTotalsKnown) {
          matrix.forEach((row, r) => {
            if (!small(row.reduce((a, b) => a + b, 0))) expect(small(sumHidden(row, (c) => hidden[r]![c]!))).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("hides whole rows of suppressed groups", () => {
    const hidden = suppressTable([[10, 10], [6, 7]], { rowTotalsKnown: true, colTotalsKnown: true, hiddenRows: new Set([1]) });
    expect(hidden[1]).toEqual([true, true]);
  });
});
