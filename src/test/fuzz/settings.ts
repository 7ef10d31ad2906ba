// Fixed seed and a small number of runs keep the fuzz files within about a minute on PGlite;
// FUZZ_RUNS=500 (and FUZZ_SEED=<n> for a different draw) runs deeper.
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);
export const fuzzRuns = (base: number) => Number(process.env.FUZZ_RUNS ?? base);

/** A counterexample short enough to read in a failure message. */
export function shortly(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    s = String(value);
  }
  return s === undefined ? "undefined" : s.length > 400 ? `${s.slice(0, 400)}… (${s.length} chars)` : s;
}
