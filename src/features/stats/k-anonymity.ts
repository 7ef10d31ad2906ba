// PRIVACY.md P4's constants (not configurable) and the helpers for quotes. Which figures may be
// published is decided by the fixed lattice (src/features/stats/lattice/), not here.
export const K = 5;
export const K_QUOTES = 10;

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
