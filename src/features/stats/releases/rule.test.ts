import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { STEP, releaseCells, stepped, type Cells } from "~/features/stats/releases/rule";
import { partitionsOf, type FigureKind } from "~/features/stats/releases/kinds";

// A model of the release mechanism (the same rule, with FigureActor as a set) driven by random
// sequences of acts and an observer who reads after every act. The database path runs the same
// rule; src/features/{petitions,verdicts,demands}/*stepped*.integration.test.ts drive it for real.

const CITIES = ["xian", "hangzhou", "beijing"];
const VALUES = ["YES", "PARTLY", "NO"];
type Worker = { city: string; verified: boolean };
type Act =
  | { kind: "sign" | "withdraw"; w: number }
  | { kind: "support" | "unsupport"; w: number; demand: number }
  | { kind: "verdict"; w: number; value: number }
  | { kind: "tick" };

class Figure {
  released: Cells = {};
  pending = new Set<number>();
  /** How many acts had been applied when pending was last cleared. */
  clearedAt = 0;
  applied = 0;
  constructor(readonly kind: FigureKind) {}
  act(w: number, exact: Cells) {
    this.pending.add(w);
    this.releaseIfDue(exact);
  }
  releaseIfDue(exact: Cells) {
    if (this.pending.size < STEP) return;
    this.pending.clear();
    this.clearedAt = this.applied;
    const { cells, partitions } = partitionsOf(this.kind, exact);
    this.released = releaseCells(cells, partitions, this.released) ?? this.released;
  }
}

function run(workers: Worker[], acts: Act[]) {
  const signed = new Set<number>();
  const supports = new Map<number, Set<number>>([[0, new Set()], [1, new Set()]]);
  const verdicts = new Map<number, string>();
  const figures = { petition: new Figure("petition"), support: new Figure("support"), verdict: new Figure("verdict") };
  const exact = {
    petition: (): Cells => {
      const c: Cells = { total: signed.size, verified: 0 };
      for (const w of signed) {
        c[`city:${workers[w]!.city}`] = (c[`city:${workers[w]!.city}`] ?? 0) + 1;
        if (workers[w]!.verified) c.verified! += 1;
      }
      return c;
    },
    support: (): Cells => Object.fromEntries([...supports].map(([d, s]) => [`d${d}`, s.size])),
    verdict: (): Cells => {
      const c: Cells = {};
      for (const v of verdicts.values()) c[v] = (c[v] ?? 0) + 1;
      return c;
    },
  };
  const readings: { total: number; cells: Cells; sinceRelease: Set<number>; releasedAt: number }[] = [];
  const read = () => {
    const cells: Cells = {};
    for (const [k, f] of Object.entries(figures)) for (const [c, n] of Object.entries(f.released)) cells[`${k}/${c}`] = n;
    readings.push({ total: signed.size, cells, sinceRelease: new Set(figures.petition.pending), releasedAt: figures.petition.clearedAt });
  };
  read();
  for (const a of acts) {
    figures.petition.applied++;
    if (a.kind === "tick") for (const [k, f] of Object.entries(figures)) f.releaseIfDue(exact[k as FigureKind]());
    else if (a.kind === "sign" || a.kind === "withdraw") {
      if (a.kind === "sign" ? signed.has(a.w) : !signed.has(a.w)) continue;
      if (a.kind === "sign") signed.add(a.w);
      else signed.delete(a.w);
      figures.petition.act(a.w, exact.petition());
    }
    else if (a.kind === "support" || a.kind === "unsupport") {
      const s = supports.get(a.demand)!;
      if (a.kind === "support" ? s.has(a.w) : !s.has(a.w)) continue;
      if (a.kind === "support") s.add(a.w);
      else s.delete(a.w);
      figures.support.act(a.w, exact.support());
    } else if (a.kind === "verdict") {
      verdicts.set(a.w, VALUES[a.value]!);
      figures.verdict.act(a.w, exact.verdict());
    }
    read();
  }
  return readings;
}

const worker = fc.record({ city: fc.constantFrom(...CITIES), verified: fc.boolean() });
const act = (n: number) =>
  fc.oneof(
    fc.record({ kind: fc.constantFrom("sign" as const, "withdraw" as const), w: fc.nat(n - 1) }),
    fc.record({ kind: fc.constantFrom("support" as const, "unsupport" as const), w: fc.nat(n - 1), demand: fc.nat(1) }),
    fc.record({ kind: fc.constant("verdict" as const), w: fc.nat(n - 1), value: fc.nat(2) }),
    fc.constant({ kind: "tick" as const }),
  );
const history = fc.array(worker, { minLength: 3, maxLength: 30 }).chain((ws) => fc.tuple(fc.constant(ws), fc.array(act(ws.length), { maxLength: 200 })));

describe("live figures in steps", () => {
  it("rounds cells to multiples of 5, 1 to 4 reading as 0", () => {
    expect([0, 1, 4, 5, 9, 10, 14].map(stepped)).toEqual([0, 0, 0, 5, 5, 10, 10]);
    // A dimension whose rounded cells leave a shortfall one cell must hold is held back.
    expect(releaseCells({ "city:a": 9, "city:b": 9 }, [{ total: 18, cells: ["city:a", "city:b"] }])).toBeNull();
    // Only that dimension is held: its previous cells stay, the others are released.
    const partitions = [{ total: 18, cells: ["city:a", "city:b"] }, { total: 18, cells: ["platform:x", "platform:y"] }];
    const exact = { "city:a": 9, "city:b": 9, "platform:x": 15, "platform:y": 3 };
    expect(releaseCells(exact, partitions, { "city:a": 5, "platform:x": 10 })).toEqual({ "city:a": 5, "platform:x": 15 });
    expect(releaseCells({ "city:a": 9, "city:b": 5 }, [{ total: 14, cells: ["city:a", "city:b"] }])).toEqual({ "city:a": 5, "city:b": 5 });
  });

  it("no two readings differ in any cell by 1 to 4, and no reading shows 1 to 4", () => {
    fc.assert(
      fc.property(history, ([workers, acts]) => {
        const readings = run(workers, acts);
        for (const r of readings) for (const n of Object.values(r.cells)) expect(n % STEP).toBe(0);
        for (const a of readings)
          for (const b of readings)
            for (const cell of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
              const d = Math.abs((a.cells[cell] ?? 0) - (b.cells[cell] ?? 0));
              expect(d === 0 || d >= STEP).toBe(true);
            }
      }),
      { numRuns: 300 },
    );
  });

  it("the breakdown beside the live total says nothing about the signers since the last release", () => {
    // Two histories that differ only in the city and verified mark of the workers who signed or
    // withdrew since the petition's last release give the observer identical readings.
    fc.assert(
      fc.property(history, fc.constantFrom(...CITIES), ([workers, acts], city) => {
        const readings = run(workers, acts);
        const last = readings.at(-1)!;
        // Only workers with no petition act up to the last release: changing them rewrites no
        // released history.
        const before = acts.slice(0, last.releasedAt);
        const movable = [...last.sinceRelease].filter((w) => !before.some((a) => (a.kind === "sign" || a.kind === "withdraw") && a.w === w));
        const moved = workers.map((w, i) => (movable.includes(i) ? { city, verified: !w.verified } : w));
        const other = run(moved, acts).at(-1)!;
        expect(other.total).toBe(last.total);
        expect(other.cells).toEqual(last.cells);
      }),
      { numRuns: 300 },
    );
  });

  it("a dimension's released cells never force a remainder the live total would pin on one cell", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: 5 }), (counts) => {
        const cells = Object.fromEntries(counts.map((n, i) => [`city:c${i}`, n]));
        const total = counts.reduce((s, n) => s + n, 0);
        const released = releaseCells(cells, [{ total, cells: Object.keys(cells) }]);
        if (!released) return;
        const nonEmpty = Object.keys(cells).filter((c) => cells[c]! > 0);
        const shortfall = total - nonEmpty.reduce((s, c) => s + (released[c] ?? 0), 0);
        // For every cell, the other non-empty cells could hold the whole shortfall (0 to 4 each).
        expect(shortfall).toBeLessThanOrEqual((STEP - 1) * Math.max(0, nonEmpty.length - 1));
      }),
    );
  });
});
