import { describe, expect, it } from "vitest";
import { quotesAllowed, shuffle } from "~/features/stats/k-anonymity";

describe("quotes", () => {
  it("are allowed only from groups of 10, shuffled", () => {
    expect(quotesAllowed(9)).toBe(false);
    expect(quotesAllowed(10)).toBe(true);
    expect(shuffle([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1]);
  });
});
