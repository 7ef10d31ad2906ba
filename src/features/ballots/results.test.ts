import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishResults, type RawCell, type RawGroup } from "~/features/ballots/results";
import { recount, rankStandings } from "~/features/ballots/tally";

const CITIES = ["wuhan", "beijing", "shanghai", "unknown"];
const DEMANDS = ["a", "b", "c", "d", "e", "f"].map((id, i) => ({ id, number: i + 1 }));

const ballotArb = fc.record({
  demandIds: fc.shuffledSubarray(DEMANDS.map((d) => d.id), { minLength: 1, maxLength: 5 }),
  profile: fc.record({ city: fc.constantFrom(...CITIES), platform: fc.constantFrom("flasheats", "several"), sector: fc.constantFrom("COURIER", "unknown") }),
});

function tallyOf(ballots: { demandIds: string[]; profile: { city: string; platform: string; sector: string } }[]) {
  const { cells, groups } = recount(ballots);
  const rawCells: RawCell[] = [...cells.values()];
  const rawGroups: RawGroup[] = [...groups.entries()].map(([k, ballots]) => {
    const [dim, value] = k.split("|") as [string, string];
    return { dim, value, ballots };
  });
  return { rawCells, rawGroups };
}

describe("published results", () => {
  it("never show a figure about 1-4 workers, nor a group a subtraction would reveal (property)", () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 40 }), (ballots) => {
        const { rawCells, rawGroups } = tallyOf(ballots);
        const results = publishResults(DEMANDS, rawCells, rawGroups);
        if (ballots.length < 5) {
          expect(results.enough).toBe(false);
          return;
        }
        if (!results.enough) throw new Error("expected results");
        const counts = [...results.rows, ...results.breakdowns.flatMap((b) => b.groups.flatMap((g) => g.rows))];
        for (const r of counts) {
          for (const v of [r.firsts, r.includes]) if (v !== null) expect(v === 0 || v >= 5).toBe(true);
        }
        for (const b of results.breakdowns) {
          for (const g of b.groups) expect(g.ballots).toBeGreaterThanOrEqual(5);
          const shownSum = b.groups.reduce((s, g) => s + g.ballots, 0);
          const remainder = ballots.length - shownSum;
          expect(remainder === 0 || remainder >= 5).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rank by points, then first preferences, then inclusions, then the older demand", () => {
    const rows = [
      { demandId: "x", number: 3, points: 10, firsts: 1, includes: 3 },
      { demandId: "y", number: 2, points: 10, firsts: 2, includes: 2 },
      { demandId: "z", number: 1, points: 10, firsts: 2, includes: 2 },
      { demandId: "w", number: 4, points: 12, firsts: 0, includes: 4 },
    ];
    expect(rankStandings(rows).map((r) => r.demandId)).toEqual(["w", "z", "y", "x"]);
  });
});
