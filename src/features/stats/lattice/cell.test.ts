import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedCounts, roundHistogram } from "~/features/stats/lattice/cell";
import { countAtOrAbove, histogramTotal } from "~/features/scorecard/pay";

// The scorecard's pay histogram is sealed rounded as counts at or above each value
// (roundHistogram): whatever wage it is read against, the count it gives is 0, a multiple of 5
// or the cell's n, and never out of order.

const cell = fc
  .uniqueArray(fc.integer({ min: -200, max: 900 }), { minLength: 1, maxLength: 30 })
  .chain((tenths) => fc.tuple(fc.constant([...tenths].sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: tenths.length, maxLength: tenths.length })))
  .chain(([tenths, counts]) => fc.tuple(fc.constant({ tenths, counts }), fc.integer({ min: Math.max(5, counts.reduce((a, b) => a + b, 0)), max: 400 })));

const allowed = (c: number, n: number) => c === 0 || c === n || (c >= 5 && c % 5 === 0);

describe("roundHistogram", () => {
  it("reads back, at any wage, 0, a multiple of 5 or n, in order, each within 5 of the exact count", () => {
    fc.assert(
      fc.property(cell, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ([h, n], u) => {
        const rounded = roundHistogram(h, n, () => u);
        expect(rounded.counts.every((c) => c > 0)).toBe(true);
        let previous = Infinity;
        for (let wage = -2100; wage <= 9100; wage += 50) {
          const c = countAtOrAbove(rounded, wage);
          expect(allowed(c, n), `${c} of ${n}`).toBe(true);
          expect(c).toBeLessThanOrEqual(previous);
          expect(Math.abs(c - countAtOrAbove(h, wage))).toBeLessThan(5);
          previous = c;
        }
        expect(allowed(histogramTotal(rounded), n)).toBe(true);
      }),
    );
  });

  it("is exact in expectation: over the draw, the mean count at or above a wage is the true count", () => {
    const h = { tenths: [150, 200, 250, 300], counts: [3, 4, 2, 3] };
    const draws = 10_000;
    let sum = 0;
    for (let i = 0; i < draws; i++) sum += countAtOrAbove(roundHistogram(h, 20, () => (i + 0.5) / draws), 2000);
    // 9 reports at or above 20 yuan: rounded to 5 or 10, 10 with probability 4/5.
    expect(sum / draws).toBeCloseTo(9, 2);
  });

  it("keeps a count that is already a multiple of 5, and an empty histogram empty", () => {
    expect(roundHistogram({ tenths: [100, 300], counts: [5, 10] }, 15, () => 0.99)).toEqual({ tenths: [100, 300], counts: [5, 10] });
    expect(roundHistogram({ tenths: [], counts: [] }, 5, () => 0.5)).toEqual({ tenths: [], counts: [] });
  });
});

describe("roundedCounts", () => {
  it("rounds every extra numerator to 0, a multiple of 5 or n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.array(fc.nat(80), { minLength: 1, maxLength: 10 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, values, u) => {
        const out = roundedCounts(Object.fromEntries(values.map((v, i) => [`k${i}`, v])), n, () => u);
        for (const c of Object.values(out)) expect(allowed(c, n) && c <= n).toBe(true);
      }),
    );
  });
});
