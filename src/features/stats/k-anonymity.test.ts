import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { K, quotesAllowed, shuffle, suppress, type JointCell } from "~/features/stats/k-anonymity";

type D = "city" | "sector";
const DIMS = ["city", "sector"] as const;
const CITY_KEYS = ["a", "b", "c", "d", "e"];
const SECTOR_KEYS = ["x", "y", "z"];

// Random joint tables: many small cells, as real breakdowns have.
const sizes = (count: number) => fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: count, maxLength: count });
const table = sizes(15).map((ns) => ns.map((n, i) => ({ keys: { city: CITY_KEYS[i % 5]!, sector: SECTOR_KEYS[Math.floor(i / 5)]! }, n })) satisfies JointCell<D>[]);

// Three breakdowns, as scoped statistics publish: by platform, city and sector. Empty cells
// are frequent, so that groups of one breakdown often lie inside groups of another.
type D3 = "platform" | "city" | "sector";
const DIMS3 = ["platform", "city", "sector"] as const;
const table3 = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: 12, maxLength: 12 })
  .map((ns) => ns.map((n, i) => ({ keys: { platform: ["p", "q"][i % 2]!, city: CITY_KEYS[Math.floor(i / 2) % 3]!, sector: SECTOR_KEYS[Math.floor(i / 6)]! }, n })) satisfies JointCell<D3>[]);

type Derivable<T extends string> = { dim: T | "all"; members: Set<string>; n: number };

/** Every group an attacker can read or derive: the total, each shown cell, and "the rest". */
function derivableGroups<T extends string>(cells: JointCell<T>[], dims: readonly T[], shown: Record<T, Set<string>>) {
  const groups: Derivable<T>[] = [];
  const sum = (dim: T, members: Set<string>) => cells.reduce((s, c) => (members.has(c.keys[dim]) ? s + c.n : s), 0);
  const total = cells.reduce((s, c) => s + c.n, 0);
  groups.push({ dim: "all", members: new Set(), n: total });
  for (const dim of dims) {
    const keys = [...new Set(cells.map((c) => c.keys[dim]))];
    for (const key of shown[dim]) groups.push({ dim, members: new Set([key]), n: sum(dim, new Set([key])) });
    const rest = new Set(keys.filter((k) => !shown[dim].has(k)));
    groups.push({ dim, members: rest, n: sum(dim, rest) });
  }
  return { groups, total };
}

function contains<T extends string>(cells: JointCell<T>[], outer: Derivable<T>, inner: Derivable<T>) {
  const inGroup = (g: Derivable<T>, c: JointCell<T>) => g.dim === "all" || g.members.has(c.keys[g.dim]);
  return cells.every((c) => c.n === 0 || !inGroup(inner, c) || inGroup(outer, c));
}

function expectNoSmallFigure<T extends string>(cells: JointCell<T>[], dims: readonly T[]) {
  const s = suppress(cells, dims);
  const { groups, total } = derivableGroups(cells, dims, s.shown);
  expect(s.totalShown).toBe(total >= K);
  for (const g of groups) {
    if (g.dim !== "all" && g.members.size === 1 && s.shown[g.dim].has([...g.members][0]!)) expect(g.n).toBeGreaterThanOrEqual(K);
  }
}

function expectNoSmallDifference<T extends string>(cells: JointCell<T>[], dims: readonly T[]) {
  const s = suppress(cells, dims);
  if (!s.totalShown) return;
  const { groups } = derivableGroups(cells, dims, s.shown);
  for (const outer of groups) {
    for (const inner of groups) {
      if (outer === inner || outer.n < inner.n || !contains(cells, outer, inner)) continue;
      const diff = outer.n - inner.n;
      expect(diff === 0 || diff >= K, `${JSON.stringify([...outer.members])} - ${JSON.stringify([...inner.members])} = ${diff}`).toBe(true);
    }
  }
}

describe("k-anonymous breakdowns", () => {
  it("never publish a figure about 1 to 4 workers", () => {
    fc.assert(fc.property(table, (cells) => expectNoSmallFigure(cells, DIMS)), { numRuns: 500 });
  });

  it("never let the difference of two published or derivable figures cover 1 to 4 workers", () => {
    fc.assert(fc.property(table, (cells) => expectNoSmallDifference(cells, DIMS)), { numRuns: 500 });
  });

  it("keep both promises across three breakdowns (platform, city, sector)", () => {
    fc.assert(
      fc.property(table3, (cells) => {
        expectNoSmallFigure(cells, DIMS3);
        expectNoSmallDifference(cells, DIMS3);
      }),
      { numRuns: 1000 },
    );
  });

  it("hide a group of 4 and its next-smallest neighbour, and show a group of 5", () => {
    const row = (city: string, n: number) => ({ keys: { city }, n });
    const four = suppress([row("big", 30), row("mid", 9), row("small", 4)], ["city"]);
    expect([...four.shown.city]).toEqual(["big"]);
    const five = suppress([row("big", 30), row("mid", 9), row("small", 5)], ["city"]);
    expect([...five.shown.city].sort()).toEqual(["big", "mid", "small"]);
    expect(suppress([row("only", 4)], ["city"]).totalShown).toBe(false);
  });

  it("respect cells hidden by the main figures when suppressing a sub-measure", () => {
    const rows = [{ keys: { city: "a" }, n: 20 }, { keys: { city: "b" }, n: 20 }, { keys: { city: "c" }, n: 20 }];
    const s = suppress(rows, ["city"], { city: new Set(["c"]) });
    expect([...s.shown.city].sort()).toEqual(["a", "b"]);
  });

  it("allow quotes only from groups of 10, shuffled", () => {
    expect(quotesAllowed(9)).toBe(false);
    expect(quotesAllowed(10)).toBe(true);
    expect(shuffle([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1]);
  });
});
