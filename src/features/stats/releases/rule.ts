// Live figures that move only in steps (PRIVACY.md P4, issue 12). Pure: the release mutation,
// the readers and the property tests share it. CONTRIBUTING.md "Live figures in steps" proves it.
//
// A figure is a set of cells (a petition's signers per city, platform, sector and verified or
// not; one answer's verdicts per value; a campaign's supports per demand). Readers never see a
// live cell, only the figure's last release. A release is due once at least STEP distinct
// workers acted on the figure since the one before (FigureActor), and it publishes every cell
// rounded down to a multiple of STEP, so a released cell is 0 or at least 5 and moves by 0 or
// by at least 5. Where an exact total is shown beside the cells (a petition's live total), a
// dimension whose rounded cells fall so far short of that total that some cell must hold part
// of the shortfall would tell that cell's remainder: that dimension is held (its previous
// cells stay, and the actors still count as used).

export const STEP = 5;

export type Cells = Record<string, number>;

/** A cell as released: rounded down to a multiple of STEP (so 1 to 4 read as 0, "fewer than 5"). */
export function stepped(n: number): number {
  return n >= STEP ? STEP * Math.floor(n / STEP) : 0;
}

/** Cells that partition an exact total shown beside them (every signer is in one city cell). */
export type Partition = { total: number; cells: string[] };

/**
 * The shortfall `total - sum(released)` of a partition is the sum of the cells' remainders
 * (each 0..4). An observer who reads the live total knows it, so it may not force any cell's
 * remainder above 0: with m non-empty cells that holds while the shortfall is at most
 * 4 * (m - 1), i.e. the other cells could hold all of it.
 */
export function partitionHides(exact: Cells, p: Partition): boolean {
  const nonEmpty = p.cells.filter((c) => (exact[c] ?? 0) > 0);
  const shortfall = p.total - nonEmpty.reduce((s, c) => s + stepped(exact[c] ?? 0), 0);
  return shortfall <= (STEP - 1) * Math.max(0, nonEmpty.length - 1);
}

/**
 * The cells to release. A partition whose shortfall would pin a remainder (see partitionHides)
 * keeps its cells from `previous`; cells in no partition are always released. Null when nothing
 * may be released at all (every partition held), so the previous release stays as it is.
 */
export function releaseCells(exact: Cells, partitions: readonly Partition[] = [], previous: Cells = {}): Cells | null {
  const held = partitions.filter((p) => !partitionHides(exact, p));
  if (partitions.length > 0 && held.length === partitions.length) return null;
  const heldCells = new Set(held.flatMap((p) => p.cells));
  const isHeld = (cell: string) => heldCells.has(cell) || held.some((p) => p.cells.length > 0 && sameDimension(cell, p.cells[0]!));
  const out: Cells = {};
  for (const [cell, n] of Object.entries(previous)) if (isHeld(cell)) out[cell] = n;
  for (const [cell, n] of Object.entries(exact)) {
    const r = stepped(n);
    if (r > 0 && !isHeld(cell)) out[cell] = r;
  }
  return out;
}

/** "city:xian" and "city:wuhan" are one dimension; "verified" and "unverified" another. */
function sameDimension(a: string, b: string) {
  const dim = (c: string) => (c.includes(":") ? c.slice(0, c.indexOf(":")) : "verified");
  return dim(a) === dim(b);
}

/** A released cell by name: absent cells were 0 to 4 at release. */
export const cellOf = (cells: Cells | undefined, name: string) => cells?.[name] ?? 0;
