import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishableCell, type CellCounts } from "~/features/stats/lattice/cell";
import { COUNT_KEYS, publish, type Row } from "~/features/stats/publish";

// Property (issue 12): over random sequences of reports, deletions, quarter sealings and an
// observer's scope choices, every figure the observer reads is, as a vector over reports, a sum
// of whole frozen shown cells (each >= 5 reports). So any linear combination of observations is
// constant on each cell, and its support is a union of cells: 0 or at least 5 reports, never 1-4.
// And no implied count (share x n) is 1 to 4.

const PLATFORMS = ["a", "b"];
const CITIES = ["xian", "hangzhou", "wuhan"];
type Report = { id: number; platform: string; city: string; quarter: number; flag: boolean };
type Act = { kind: "file"; platform: number; city: number; flag: boolean } | { kind: "delete"; pick: number } | { kind: "seal" } | { kind: "read"; platforms: boolean[]; cities: boolean[]; quarters: number };

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ kind: fc.constant("file" as const), platform: fc.nat(1), city: fc.nat(2), flag: fc.boolean() }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("seal" as const) }),
  fc.record({ kind: fc.constant("read" as const), platforms: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }), cities: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), quarters: fc.nat(3) }),
);

const empty = (): CellCounts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as CellCounts;

describe("the sealed lattice", () => {
  it("gives an observer only sums of whole frozen cells of 5 or more, with no implied count of 1 to 4", () => {
    fc.assert(
      fc.property(fc.array(act, { minLength: 20, maxLength: 200 }), fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), (acts, draws) => {
        const rng = () => draws.next().value as number;
        let open = 0;
        let nextId = 0;
        const live: Report[] = [];
        // Sealed cells: counts as published and the report ids they stand for (frozen).
        const sealed = new Map<string, { platform: string; city: string; quarter: number; counts: CellCounts; members: Set<number> }>();
        for (const a of acts) {
          if (a.kind === "file") live.push({ id: nextId++, platform: PLATFORMS[a.platform]!, city: CITIES[a.city]!, quarter: open, flag: a.flag });
          else if (a.kind === "delete" && live.length) live.splice(a.pick % live.length, 1);
          else if (a.kind === "seal") {
            for (const platform of PLATFORMS)
              for (const city of CITIES) {
                const members = live.filter((r) => r.quarter === open && r.platform === platform && r.city === city);
                const exact = { ...empty(), n: members.length, deactivated: members.filter((r) => r.flag).length };
                const cell = publishableCell(exact, rng);
                if (cell) sealed.set(`${platform}|${city}|${open}`, { platform, city, quarter: open, counts: cell, members: new Set(members.map((r) => r.id)) });
              }
            open++;
          } else if (a.kind === "read") {
            const ps = PLATFORMS.filter((_, i) => a.platforms[i]);
            const cs = CITIES.filter((_, i) => a.cities[i]);
            const cells = [...sealed.values()].filter((c) => ps.includes(c.platform) && cs.includes(c.city) && c.quarter >= open - 1 - a.quarters);
            const total = empty();
            for (const c of cells) for (const k of COUNT_KEYS) total[k] += c.counts[k];
            const rows: Row<"city">[] = [{ ...total, city: null, medianHours: null, medianHourly: null }];
            const { total: figures } = publish(rows, ["city"] as const);
            if (!figures) {
              expect(total.n).toBe(0);
              continue;
            }
            // The figure as a vector over reports: the union of whole cells, each of 5 or more.
            for (const c of cells) expect(c.members.size).toBeGreaterThanOrEqual(5);
            expect(figures.n).toBe(cells.reduce((s, c) => s + c.members.size, 0));
            const implied = Math.round(figures.deactivated * figures.n);
            expect(implied === 0 || implied >= 5).toBe(true);
          }
        }
        // Frozen: every sealed cell still stands for exactly the reports it was sealed from,
        // whatever was deleted since (its n never moved).
        for (const c of sealed.values()) expect(c.counts.n).toBe(c.members.size);
      }),
      { numRuns: 300 },
    );
  });

  it("rounds numerators without bias, so small cells do not publish only 0% or 100%", () => {
    let sum = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) sum += publishableCell({ ...empty(), n: 7, deactivated: 3 })!.deactivated;
    expect(sum / runs).toBeGreaterThan(2.85);
    expect(sum / runs).toBeLessThan(3.15);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.nat(60), (n, c) => {
        const r = publishableCell({ ...empty(), n, deactivated: Math.min(c, n) })!.deactivated;
        expect(r === 0 || (r >= 5 && r <= n)).toBe(true);
      }),
    );
  });
});
