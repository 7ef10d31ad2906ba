// k-anonymity for signature breakdowns (PRIVACY.md P4). A group of fewer than K signers is
// hidden; hidden groups are then topped up with the next-smallest until the hidden total is
// 0 or at least K, so "total minus the shown groups" never reveals 1 to 4 people either.

export const K = 5;

export type Group = { value: string; count: number };

export function suppress(groups: readonly Group[], k = K): Group[] {
  const sorted = groups.filter((g) => g.count > 0).sort((a, b) => a.count - b.count || a.value.localeCompare(b.value));
  const hidden = new Set<number>();
  let hiddenSum = 0;
  sorted.forEach((g, i) => {
    if (g.count < k) {
      hidden.add(i);
      hiddenSum += g.count;
    }
  });
  for (let i = 0; hiddenSum > 0 && hiddenSum < k && i < sorted.length; i++) {
    if (hidden.has(i)) continue;
    hidden.add(i);
    hiddenSum += sorted[i]!.count;
  }
  return sorted.filter((_, i) => !hidden.has(i)).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The public total: exact from K up, otherwise only "fewer than K". */
export function publicTotal(count: number, k = K): number | null {
  return count >= k ? count : null;
}
