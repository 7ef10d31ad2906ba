// PRIVACY.md P4, applied by data.ts to every figure before it leaves the query layer. Product
// constants: not configurable.
export const K = 5;
export const K_QUOTES = 10;

export type JointCell<D extends string> = { keys: Record<D, string>; n: number };
export type Suppression<D extends string> = { total: number; totalShown: boolean; shown: Record<D, Set<string>> };

type Group = { kind: "cell" | "rest"; members: Set<string>; n: number };
const small = (n: number) => n > 0 && n < K;

function margins<D extends string>(cells: readonly JointCell<D>[], dim: D) {
  const m = new Map<string, number>();
  for (const c of cells) m.set(c.keys[dim], (m.get(c.keys[dim]) ?? 0) + c.n);
  return m;
}

/**
 * Decides which cells of one-dimensional breakdowns (say by city and by sector) of the same
 * reports may be published. A cell needs K reports; when hidden cells add up to 1..K-1 the
 * smallest shown cell is hidden too (complementary suppression), so "total minus the shown
 * cells" never isolates a small group; and when a shown group of one breakdown lies inside a
 * group of the other (found from the joint counts), their difference must not be 1..K-1 either.
 * `preHidden` lets a sub-measure (say, pension level among resident-scheme members) start from
 * the cells the main figures already hide.
 */
export function suppress<D extends string>(
  cells: readonly JointCell<D>[],
  dims: readonly D[],
  preHidden?: Partial<Record<D, ReadonlySet<string>>>,
): Suppression<D> {
  const total = cells.reduce((s, c) => s + c.n, 0);
  const shown = Object.fromEntries(dims.map((d) => [d, new Set<string>()])) as Record<D, Set<string>>;
  if (total < K) return { total, totalShown: false, shown };
  const margin = Object.fromEntries(dims.map((d) => [d, margins(cells, d)])) as Record<D, Map<string, number>>;
  for (const d of dims) {
    for (const [key, n] of margin[d]) if (n >= K && !preHidden?.[d]?.has(key)) shown[d].add(key);
  }

  const hideSmallest = (d: D) => {
    const smallest = [...shown[d]].sort((a, b) => margin[d].get(a)! - margin[d].get(b)! || a.localeCompare(b))[0];
    if (smallest === undefined) return false;
    shown[d].delete(smallest);
    return true;
  };
  const groups = (d: D): Group[] => {
    const out: Group[] = [...shown[d]].map((key) => ({ kind: "cell", members: new Set([key]), n: margin[d].get(key)! }));
    const rest = [...margin[d].keys()].filter((key) => !shown[d].has(key));
    const restN = rest.reduce((s, key) => s + margin[d].get(key)!, 0);
    if (restN > 0) out.push({ kind: "rest", members: new Set(rest), n: restN });
    return out;
  };
  const overlap = (d1: D, a: Group, d2: D, b: Group) =>
    cells.reduce((s, c) => (a.members.has(c.keys[d1]) && b.members.has(c.keys[d2]) ? s + c.n : s), 0);

  // Each pass hides at least one more cell or stops, so this ends after at most all cells.
  for (;;) {
    let changed = false;
    for (const d of dims) {
      const rest = groups(d).find((g) => g.kind === "rest");
      if (rest && small(rest.n) && hideSmallest(d)) changed = true;
    }
    if (changed) continue;
    outer: for (let i = 0; i < dims.length; i++) {
      for (let j = i + 1; j < dims.length; j++) {
        const [d1, d2] = [dims[i]!, dims[j]!];
        for (const a of groups(d1)) {
          for (const b of groups(d2)) {
            const both = overlap(d1, a, d2, b);
            const [sub, subDim, sup, supDim] = a.n <= b.n ? [a, d1, b, d2] : [b, d2, a, d1];
            if (both !== sub.n || !small(sup.n - sub.n)) continue;
            if (sub.kind === "cell") shown[subDim].delete([...sub.members][0]!);
            else if (sup.kind === "cell") shown[supDim].delete([...sup.members][0]!);
            else if (!hideSmallest(subDim)) hideSmallest(supDim);
            changed = true;
            break outer;
          }
        }
      }
    }
    if (!changed) return { total, totalShown: true, shown };
  }
}

/** Quotes need a larger group than counts. */
export function quotesAllowed(groupSize: number): boolean {
  return groupSize >= K_QUOTES;
}

/** Fisher-Yates with an injectable random source, so quotes never come in filing order. */
export function shuffle<T>(items: readonly T[], random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
