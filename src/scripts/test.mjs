import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIfNeeded, root } from "./lib/run.mjs";

// `npm test`: every suite, then one closing line summing them (CI reads it).
//   1. Vitest (unit + integration) on embedded PGlite;
//   2. the same again on PostgreSQL when TEST_DATABASE_URL is set;
//   3. Playwright end-to-end on a phone viewport against the built app;
//   4. the privacy scan of everything the end-to-end run wrote;
//   4b. with TEST_DATABASE_URL, the journeys of the hot writes again on PostgreSQL, through the
//       same production server (E2E_ON_POSTGRES), on a database of their own (<name>_e2e);
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

/**
 * The journeys run a second time on PostgreSQL: every hot write (ballots, signatures and their
 * withdrawal, reports), the token ballot and the offline retries, which is where the two
 * databases' drivers and locking differ. The whole suite twice would add its full length to CI.
 */
const E2E_ON_POSTGRES = ["e2e/campaigns.spec.ts", "e2e/petitions.spec.ts", "e2e/reports.spec.ts", "e2e/bad-network.spec.ts"];
/** The test database's name with `_e2e`: the end-to-end server drops and creates it (src/scripts/e2e-server.mjs). */
function e2eDatabaseUrl(testUrl) {
  const url = new URL(testUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}_e2e`;
  return url.href;
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
  if (process.env.TEST_DATABASE_URL) {
    const report = path.join(reports, "playwright-postgres.json");
    const pgCode = await exec(bin("playwright"), ["test", ...E2E_ON_POSTGRES], { E2E_DATABASE_URL: e2eDatabaseUrl(process.env.TEST_DATABASE_URL), E2E_REPORT: report });
    addPlaywright(report);
    if (pgCode !== 0) exitCode = 1;
  }
}

// 5. The fault tests (issue 14), last: they restart their own PostgreSQL server and kill the app.
if (!only || only === "faults") {
  await buildIfNeeded();
  await vitest("faults", { TEST_DATABASE_URL: "" }, ["--config", "src/test/faults/vitest.config.ts"]);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
