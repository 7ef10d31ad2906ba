import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepped, steppedTurnout } from "~/features/ballots/turnout";

describe("stepped turnout", () => {
  it("never shows 1 to 4, moves only in whole steps, and its verified part neither (property)", () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), fc.boolean(), (a, b, verifiedOnly) => {
        const [ballots, verified] = verifiedOnly ? [a, a] : [Math.max(a, b), Math.min(a, b)];
        const t = steppedTurnout(ballots, verified, verifiedOnly);
        if (ballots < 5) expect(t).toMatchObject({ ballots: null, credibility: { kind: "hidden" } });
        else expect(t.ballots! % 5 === 0 && t.ballots! <= ballots && ballots - t.ballots! < 5).toBe(true);
        const c = t.credibility;
        if (c.kind === "share") {
          expect(c.verified % 5).toBe(0);
          expect(c.verified).toBeGreaterThanOrEqual(5);
          expect(t.ballots! - c.verified).toBeGreaterThanOrEqual(5);
        }
        // One more ballot moves the figure by 0 or by exactly one step.
        expect([0, 5]).toContain(stepped(ballots + 1) - stepped(ballots));
      }),
    );
  });
});
