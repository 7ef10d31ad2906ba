import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { credibility, verifiedShare } from "~/features/verification/credibility";

const small = (n: number) => n > 0 && n < 5;
// Totals from tiny to a national petition, verified parts anywhere in them.
const counts = fc.integer({ min: 0, max: 3_000_000 }).chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })));
const skewed = fc.integer({ min: 0, max: 2_000_000 }).chain((total) =>
  fc.tuple(fc.constant(total), fc.oneof(fc.integer({ min: 0, max: Math.min(total, 40) }), fc.integer({ min: Math.max(0, total - 40), max: total }))),
);

describe("credibility of a count", () => {
  it("never publishes a document share from which 1 to 4 verified or unverified workers follow", () => {
    fc.assert(
      fc.property(fc.oneof(counts, skewed), ([total, verified]) => {
        const share = verifiedShare(total, verified);
        if (share === null) return;
        expect(total).toBeGreaterThanOrEqual(5);
        expect(small(verified) || small(total - verified)).toBe(false);
        expect(Math.round(share * total)).toBe(verified);
        expect(small(Math.round((1 - share) * total))).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(verifiedShare(12, 6)).toBe(0.5);
    expect(verifiedShare(12, 3)).toBeNull();
    expect(verifiedShare(12, 9)).toBeNull();
    expect(verifiedShare(4, 0)).toBeNull();
    // Four decimals would give 0.0003 x 20,000 = 6 or 0.0002 x 20,000 = 4: more are kept.
    expect(Math.round(verifiedShare(20_000, 5)! * 20_000)).toBe(5);
  });

  it("shows a percentage beside a live count only when neither part is 1 to 4, and no rounding reveals one", () => {
    fc.assert(
      fc.property(fc.oneof(counts, skewed), fc.boolean(), ([total, verified], verifiedOnly) => {
        const c = credibility(total, verified, verifiedOnly);
        if (total < 5) expect(c.kind).toBe("hidden");
        if (c.kind !== "share") return;
        expect(c.verified).toBeGreaterThanOrEqual(5);
        expect(total - c.verified).toBeGreaterThanOrEqual(5);
        const f = 10 ** c.percentDigits;
        const shown = Math.round(c.share * 100 * f) / f / 100;
        expect(small(Math.round(shown * total))).toBe(false);
        expect(small(Math.round((1 - shown) * total))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("groups 0 with 1-4, so one participant's act never moves it from 0 to a small group", () => {
    expect(credibility(1000, 0)).toEqual({ kind: "fewVerified" });
    expect(credibility(1000, 1)).toEqual({ kind: "fewVerified" });
    expect(credibility(1000, 1000)).toEqual({ kind: "fewUnverified" });
    expect(credibility(1000, 997)).toEqual({ kind: "fewUnverified" });
    expect(credibility(1000, 1000, true)).toEqual({ kind: "allVerified" });
    expect(credibility(4, 4, true)).toEqual({ kind: "hidden" });
    expect(credibility(400, 5)).toMatchObject({ kind: "share", verified: 5, percentDigits: 1 });
    expect(credibility(200, 100)).toMatchObject({ kind: "share", verified: 100, share: 0.5, percentDigits: 0 });
  });
});
