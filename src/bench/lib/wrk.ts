import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { median, printFigure } from "./machine";

/** `acceptEncoding`: what a browser sends (e.g. "gzip, br"), for pages; wrk sends none by default. */
export type WrkRequest = { method: "GET" | "POST"; path: string; body?: string; cookie?: string; acceptEncoding?: string };
export type WrkResult = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

function ensureWrk() {
  if (spawnSync("which", ["wrk"]).status === 0) return;
  console.log("wrk is missing: installing it from Debian…");
  execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

const luaString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/**
 * Runs wrk against the app, cycling through the given requests (each thread starts at its own
 * offset so concurrent connections carry different workers). Latencies are in milliseconds.
 */
export function runWrk(baseUrl: string, requests: WrkRequest[], opts: { seconds?: number; connections?: number; threads?: number } = {}): WrkResult {
  ensureWrk();
  const dir = mkdtempSync(path.join(tmpdir(), "wv-wrk-"));
  const script = path.join(dir, "script.lua");
  const entries = requests
    .map((r) => `{${luaString(r.method)}, ${luaString(r.path)}, ${luaString(r.body ?? "")}, ${luaString(r.cookie ?? "")}, ${luaString(r.acceptEncoding ?? "")}}`)
    .join(",\n");
  writeFileSync(
    script,
    `local reqs = {\n${entries}\n}
local counter = 0
non2xx = 0
local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end
function init(args)
  counter = offset or 0
end
function request()
  counter = counter + 1
  local r = reqs[(counter % #reqs) + 1]
  local headers = { ["Content-Type"] = "application/json" }
  if r[4] ~= "" then headers["Cookie"] = r[4] end
  if r[5] ~= "" then headers["Accept-Encoding"] = r[5] end
  if r[3] ~= "" then return wrk.format(r[1], r[2], headers, r[3]) end
  return wrk.format(r[1], r[2], headers)
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non2xx") or 0) end
  io.write(string.format("WV_RESULT %d %f %f %d %d\\n", summary.requests, latency:percentile(50), latency:percentile(99), bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`,
  );
  const seconds = opts.seconds ?? 10;
  const out = execFileSync(
    "wrk",
    ["-t", String(opts.threads ?? 2), "-c", String(opts.connections ?? 32), "-d", `${seconds}s`, "--timeout", "5s", "-s", script, baseUrl],
    { encoding: "utf8" },
  );
  const line = out.split("\n").find((l) => l.startsWith("WV_RESULT"));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const [, total, p50us, p99us, non2xx, errors] = line.split(" ");
  const rpsMatch = out.match(/Requests\/sec:\s+([\d.]+)/);
  return {
    requests: Number(total),
    rps: rpsMatch ? Number(rpsMatch[1]) : Number(total) / seconds,
    p50: Number(p50us) / 1000,
    p99: Number(p99us) / 1000,
    non2xx: Number(non2xx),
    errors: Number(errors),
  };
}

/** A write's figures over several wrk runs: rate and p99 (with their targets), p50, failures. */
export function printWrkRuns(label: string, runs: WrkResult[], targets: { rps?: string; p99?: string } = {}) {
  printFigure(`${label}, per s (median of ${runs.length})`, median(runs.map((r) => r.rps)).toFixed(0), targets.rps);
  printFigure(`  p99 latency, ms (median of ${runs.length})`, median(runs.map((r) => r.p99)).toFixed(1), targets.p99);
  printFigure("  p50 latency, ms", median(runs.map((r) => r.p50)).toFixed(1));
  printFigure("  non-2xx answers / socket errors", `${runs.reduce((s, r) => s + r.non2xx, 0)} / ${runs.reduce((s, r) => s + r.errors, 0)}`);
}
