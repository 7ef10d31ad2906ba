import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

// `npm run bench`: every benchmark in this folder, one after the other (they share 2 cores),
// each in its own process. `npm run bench -- reports` runs only bench/reports.ts.
const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, "")))
  .sort((a, b) => (a === "foundation.ts" ? -1 : b === "foundation.ts" ? 1 : a.localeCompare(b)));

let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const res = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(dir, file)], { stdio: "inherit", env: process.env });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
