import type { Partition, Cells } from "~/features/stats/releases/rule";

// The stepped figures, and which of their cells sit beside an exact live total. Where their
// exact cells come from is exactCellsSql in mutations.ts.

export const FIGURE_KINDS = ["petition", "verdict", "support"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * Cells shown beside an exact live figure, and that figure: only a petition has one (its total
 * stays live and exact by design). Every signer is in exactly one cell of each dimension ("" for
 * not stated), and either verified or not.
 */
export function partitionsOf(kind: FigureKind, exact: Cells): { cells: Cells; partitions: Partition[] } {
  if (kind !== "petition") return { cells: exact, partitions: [] };
  const total = exact.total ?? 0;
  const cells: Cells = Object.fromEntries(Object.entries(exact).filter(([cell]) => cell !== "total"));
  cells.unverified = total - (exact.verified ?? 0);
  const dimension = (prefix: string) => Object.keys(cells).filter((c) => c.startsWith(prefix));
  return {
    cells,
    partitions: [
      { total, cells: dimension("city:") },
      { total, cells: dimension("platform:") },
      { total, cells: dimension("sector:") },
      { total, cells: ["verified", "unverified"] },
    ],
  };
}
