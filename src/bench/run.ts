import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

// `npm run bench`: every benchmark in this folder, one after the other (they share 2 cores),
// each in its own process. `npm run bench -- reports` runs only bench/reports.ts; options after
// the names go to every benchmark run (`npm run bench -- soak --seconds 10`).
const dir = import.meta.dirname;
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith("--"));
const only = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, "")))
  .sort((a, b) => (a === "foundation.ts" ? -1 : b === "foundation.ts" ? 1 : a.localeCompare(b)));

let failed = 0;
for (const file of files) {
  console.log(`\n=== src/bench/${file} ===`);
  const res = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(dir, file), ...options], { stdio: "inherit", env: process.env });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
