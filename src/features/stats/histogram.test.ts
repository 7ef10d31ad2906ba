import { describe, expect, it } from "vitest";
import { TenthsHistogram } from "~/features/stats/histogram";

describe("medians from histograms in tenths", () => {
  it("equal percentile_disc(0.5): the lower middle value of an even count", () => {
    const h = new TenthsHistogram();
    h.add([80, 95], [2, 1]);
    h.add([80, 120], [0, 3]);
    // 8, 8, 9.5, 12, 12, 12: the third of six values.
    expect(h.median()).toBe(9.5);
    h.add([120], [1]);
    expect(h.median()).toBe(12);
  });

  it("take values up to the form's limit and answer null when empty", () => {
    const h = new TenthsHistogram();
    expect(h.median()).toBeNull();
    h.add([20_000, 5], [2, 1]);
    expect(h.median()).toBe(2000);
  });
});
