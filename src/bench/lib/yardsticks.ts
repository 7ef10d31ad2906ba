import { median } from "./machine";
import { runWrk } from "./wrk";

// The yardstick every HTTP figure stands beside: Next's own no-op route (src/app/api/ping),
// measured in the same run on the same machine, so a figure reads as a multiple of what Next
// alone serves here whatever else the machine is doing. The other yardstick, raw PostgreSQL
// inserts, is rawInsertRate (./database).

/** Median req/s of `runs` wrk runs of GET /api/ping, 32 connections. */
export function noopRate(url: string, opts: { seconds?: number; runs?: number } = {}): number {
  const runs = Array.from({ length: opts.runs ?? 3 }, () => runWrk(url, [{ method: "GET", path: "/api/ping" }], { seconds: opts.seconds ?? 5, connections: 32 }));
  return median(runs.map((r) => r.rps));
}
