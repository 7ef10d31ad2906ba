import { execFileSync } from "node:child_process";
import os from "node:os";

/** One line naming the machine, printed beside every figure. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  let pg = "PostgreSQL ?";
  try {
    pg = execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc", "SHOW server_version"], { encoding: "utf8" }).trim();
    pg = `PostgreSQL ${pg.split(" ")[0]}`;
  } catch {
    /* not reachable: the bench will fail later with a clearer message */
  }
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${pg}, ${os.platform()} ${os.release()}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function printFigure(label: string, value: string, target?: string) {
  console.log(`  ${label.padEnd(58)} ${value.padStart(14)}${target ? `   (target ${target})` : ""}`);
}

/** Milliseconds of each of `n` sequential runs of `fn`. */
export async function timeRuns(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * A figure with its target, PASS or MISS, and beside it the same-run yardstick it is read
 * against (e.g. "1.9x no-op"). Returns whether it passed.
 */
export function printTarget(label: string, value: number, target: { atLeast?: number; atMost?: number; unit: string }, beside?: string): boolean {
  const pass = (target.atLeast === undefined || value >= target.atLeast) && (target.atMost === undefined || value <= target.atMost);
  const bound = target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(1);
  console.log(`  ${label.padEnd(58)} ${shown.padStart(8)} ${pass ? "PASS" : "MISS"}   (target ${bound} ${target.unit})${beside ? `  ${beside}` : ""}`);
  return pass;
}
