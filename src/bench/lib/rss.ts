import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The server's memory under load: VmRSS of a process and its children, sampled five times a
// second by a small process of its own (wrk runs synchronously, so this one's timers would not
// fire during a run). The largest value per process is kept in a file.
const SAMPLER = `
const fs = require("node:fs");
const [root, out] = process.argv.slice(1);
const max = {};
const rss = (pid) => Number(/VmRSS:\\s+(\\d+)/.exec(fs.readFileSync("/proc/" + pid + "/status", "utf8"))?.[1] ?? 0);
const children = (pid) => { try { return fs.readdirSync("/proc/" + pid + "/task").flatMap((t) => fs.readFileSync("/proc/" + pid + "/task/" + t + "/children", "utf8").split(" ").filter(Boolean)); } catch { return []; } };
setInterval(() => {
  try {
    for (const pid of [root, ...children(root)]) max[pid] = Math.max(max[pid] ?? 0, rss(pid));
    fs.writeFileSync(out, JSON.stringify(max));
  } catch { process.exit(0); }
}, 200);
`;

/** Starts sampling `pid`; stop() returns the largest RSS seen per process, in MB. */
export function sampleRss(pid: number) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "wv-rss-")), "max.json");
  const child = spawn(process.execPath, ["-e", SAMPLER, String(pid), file], { stdio: "ignore" });
  return {
    stop(): Record<string, number> {
      child.kill();
      let max: Record<string, number> = {};
      try {
        max = JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
      } catch {
        /* no sample yet */
      }
      return Object.fromEntries(Object.entries(max).map(([p, kb]) => [p, kb / 1024]));
    },
  };
}
