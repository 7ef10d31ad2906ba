// PRIVACY.md P4 in the query layer: no published count covers 1 to 4 workers, and no
// difference between a published total and the shown parts of it does either.
// K is a product constant, not a setting.

export const K = 5;

const small = (n: number) => n > 0 && n < K;

/**
 * Which cells of one line (a row or column whose total is published) must be hidden: every
 * cell of 1-4, then, while the hidden cells together hold 1-4 (which `total - shown` would
 * reveal), also the smallest cell still shown. With `totalKnown` false only small cells go.
 */
export function suppressLine(values: number[], alreadyHidden: ReadonlySet<number> = new Set(), totalKnown = true): Set<number> {
  const hidden = new Set(alreadyHidden);
  values.forEach((v, i) => {
    if (small(v)) hidden.add(i);
  });
  if (!totalKnown) return hidden;
  const hiddenSum = () => [...hidden].reduce((s, i) => s + values[i]!, 0);
  while (small(hiddenSum())) {
    const candidates = values.map((v, i) => [v, i] as const).filter(([, i]) => !hidden.has(i));
    if (candidates.length === 0) break;
    // Smallest first; a zero cell adds nothing, so prefer the smallest non-zero one.
    const nonZero = candidates.filter(([v]) => v > 0);
    const pick = (nonZero.length ? nonZero : candidates).reduce((a, b) => (b[0] < a[0] ? b : a));
    hidden.add(pick[1]);
  }
  return hidden;
}

/**
 * Suppression over a table (groups x demands) whose row totals and/or column totals are
 * published: lines are re-checked until nothing changes, since hiding a cell for a row can
 * open a gap in its column. Rows in `hiddenRows` are hidden entirely (a suppressed group).
 * Returns hidden[row][col].
 */
export function suppressTable(
  matrix: number[][],
  opts: { rowTotalsKnown: boolean; colTotalsKnown: boolean; hiddenRows?: ReadonlySet<number> },
): boolean[][] {
  const rows = matrix.length;
  const cols = rows ? matrix[0]!.length : 0;
  const hidden = matrix.map((row, r) => row.map(() => opts.hiddenRows?.has(r) ?? false));
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r++) {
      const already = new Set(hidden[r]!.flatMap((h, c) => (h ? [c] : [])));
      for (const c of suppressLine(matrix[r]!, already, opts.rowTotalsKnown)) {
        if (!hidden[r]![c]) changed = hidden[r]![c] = true;
      }
    }
    for (let c = 0; c < cols; c++) {
      const column = matrix.map((row) => row[c]!);
      const already = new Set(hidden.flatMap((row, r) => (row[c] ? [r] : [])));
      for (const r of suppressLine(column, already, opts.colTotalsKnown)) {
        if (!hidden[r]![c]) changed = hidden[r]![c] = true;
      }
    }
  }
  return hidden;
}
