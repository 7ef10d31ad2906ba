import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIfNeeded, root } from "./lib/run.mjs";

// `npm test`: every suite, then one closing line summing them (CI reads it).
//   1. Vitest (unit + integration) on embedded PGlite;
//   2. the same again on PostgreSQL when TEST_DATABASE_URL is set;
//   3. Playwright end-to-end on a phone viewport against the built app;
//   4. the privacy scan of everything the end-to-end run wrote;
//   5. the fault tests (npm run test:faults), which break the database and the app on purpose.
const reports = path.join(root, "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const bin = (name) => path.join(root, "node_modules", ".bin", name);
function exec(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function addVitest(file) {
  if (!existsSync(file)) return void (totals.failed += 1);
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  // A file that failed to load has no failed assertion of its own: count it as one failure.
  const brokenFiles = (r.testResults ?? []).filter((s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed")).length;
  totals.failed += r.numFailedTests + brokenFiles;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function addPlaywright(file) {
  if (!existsSync(file)) return void (totals.failed += 1);
  const report = JSON.parse(readFileSync(file, "utf8"));
  const s = report.stats;
  totals.passed += s.expected + (s.flaky ?? 0);
  // Errors outside tests (a server that did not start, a broken config) count as failures.
  totals.failed += s.unexpected + (report.errors?.length ?? 0);
  totals.skipped += s.skipped;
}

async function vitest(name, env, extra = []) {
  const out = path.join(reports, `${name}.json`);
  const code = await exec(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], env);
  addVitest(out);
  if (code !== 0) exitCode = 1;
}

const only = process.argv[2]; // optional: unit | e2e | faults
if (only !== "e2e" && only !== "faults") {
  await vitest("vitest-pglite", { TEST_DATABASE_URL: "" });
  if (process.env.TEST_DATABASE_URL) await vitest("vitest-postgres", {});
}
if (only !== "unit" && only !== "faults") {
  await buildIfNeeded();
  const code = await exec(bin("playwright"), ["test"]);
  addPlaywright(path.join(reports, "playwright.json"));
  if (code !== 0) exitCode = 1;
  await vitest("privacy-scan", { TEST_DATABASE_URL: "" }, ["--config", "src/test/after-e2e/vitest.config.ts"]);
}

// 5. The fault tests (issue 14), last: they restart their own PostgreSQL server and kill the app.
if (!only || only === "faults") {
  await buildIfNeeded();
  await vitest("faults", { TEST_DATABASE_URL: "" }, ["--config", "src/test/faults/vitest.config.ts"]);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
