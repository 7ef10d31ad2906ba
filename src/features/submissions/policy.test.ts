import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { changelogRequired, submissionStatus, verifiedShare } from "~/features/submissions/policy";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const small = (n: number) => n > 0 && n < 5;

describe("submission rules", () => {
  it("never publishes a verified share from which 1 to 4 verified or unverified voters follow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (ballots, v) => {
        const verified = Math.min(v, ballots);
        const share = verifiedShare(ballots, verified);
        if (share === null) return;
        expect(ballots).toBeGreaterThanOrEqual(5);
        expect(small(verified) || small(ballots - verified)).toBe(false);
        expect(Math.round(share * ballots)).toBe(verified);
      }),
    );
    expect(verifiedShare(12, 6)).toBe(0.5);
    expect(verifiedShare(12, 3)).toBeNull();
    expect(verifiedShare(12, 9)).toBeNull();
    expect(verifiedShare(4, 0)).toBeNull();
  });

  it("asks a changelog from version 2 on", () => {
    expect(changelogRequired(1)).toBe(false);
    expect(changelogRequired(2)).toBe(true);
  });

  it("says answered, awaiting or overdue from the parties and the response clock", () => {
    const by = day("2026-12-28");
    expect(submissionStatus([{ completedOn: day("2026-12-01") }, { completedOn: day("2026-12-02") }], by, day("2027-01-10"))).toBe("answered");
    expect(submissionStatus([{ completedOn: day("2026-12-01") }, { completedOn: null }], by, day("2026-12-28"))).toBe("awaiting");
    expect(submissionStatus([{ completedOn: null }], by, day("2026-12-29"))).toBe("overdue");
    expect(submissionStatus([], by, day("2026-12-01"))).toBe("awaiting");
  });
});
