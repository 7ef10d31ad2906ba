import { buildApp, migrate, pointAtDatabase, startApp, timeRequests, warm } from "./lib/app";
import { measurePageJs, NEXT_FLOOR_KB } from "./lib/bundle";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure, timeRuns } from "./lib/machine";
import { PLATFORMS, reportBody, seedReports } from "./lib/synthetic-reports";
import { createWorkers } from "./lib/workers";
import { runWrk } from "./lib/wrk";

// Condition reports at scale (issue 3): a generator for synthetic reports written by SQL on the
// server (generate_series, in batches), report submission through the real HTTP API, the
// statistics of the biggest platform and the scoped statistics of all platforms (issue 6)
// computed over all of them.
// `BENCH_REPORTS=100000 npm run bench -- reports` for a quicker run.
const TOTAL = Number(process.env.BENCH_REPORTS ?? 1_000_000);

const databaseUrl = await freshDatabase("wv_bench_reports");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const { monthKey, openMonths, statsPeriod } = await import("~/features/reports/months");
const { chinaToday } = await import("~/lib/days");

console.log(`\nCondition reports benchmark on ${machineLine()}`);
await seedReports(databaseUrl, TOTAL);

const workers = await createWorkers(2000);
const month = openMonths(chinaToday())[0]!;
const body = (i: number) => reportBody(i, month);

// POST /api/reports, as the report stepper sends a new report.
const app = await startApp(databaseUrl, 3311, {}, { timing: true });
try {
  await warm(`${app.url}/api/health`, 20);
  const probe = await fetch(`${app.url}/api/reports`, { method: "POST", headers: { "content-type": "application/json", cookie: workers[0]!.cookie }, body: body(0) });
  if (!probe.ok) throw new Error(`a probe submission answered ${probe.status}: ${await probe.text()}`);

  const requests = workers.map((w, i) => ({ method: "POST" as const, path: "/api/reports", body: body(i), cookie: w.cookie }));
  const submissions = [0, 1, 2].map(() => runWrk(app.url, requests, { seconds: 10, connections: 32 }));
  printFigure("report submission over HTTP, req/s, median of 3", median(submissions.map((r) => r.rps)).toFixed(0), "≥ 300");
  printFigure("  p50 / p99 latency, ms", `${median(submissions.map((r) => r.p50)).toFixed(1)} / ${median(submissions.map((r) => r.p99)).toFixed(1)}`);
  printFigure("  non-2xx answers, errors", `${submissions.reduce((s, r) => s + r.non2xx, 0)}, ${submissions.reduce((s, r) => s + r.errors, 0)}`);

  // Server time of the statistics: the query layer itself (SQL + suppression), in this process
  // against the same database, then the whole page over HTTP as an upper bound.
  const { computePlatformConditions, getPlatformConditions, sealMonths } = await import("~/features/stats/data");
  const { computeScopedConditions } = await import("~/features/stats/scoped");
  const biggest = PLATFORMS[0]!.slug;
  const time = timeRuns;
  // The first statistic after a month closes summarises it (here all 12 at once, as on a
  // fresh database); every later one reads the summary.
  const { from, to } = statsPeriod(chinaToday());
  const [sealing] = await time(() => sealMonths(from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)), 1);
  printFigure("summarising the 12 counted months (once; then one a month), s", (sealing! / 1000).toFixed(1));
  const first = await computePlatformConditions(biggest, chinaToday());
  const cold = await time(() => computePlatformConditions(biggest, chinaToday()), 9);
  printFigure(`statistics of ${biggest} (${first.total?.n.toLocaleString("en")} reports), uncached, median ms`, median(cold).toFixed(0), "≤ 300");
  const scope = { platformSlugs: [], sectors: [], cities: [], from: monthKey(from), to: monthKey(to) };
  const scoped = await computeScopedConditions(scope);
  const scopedTimes = await time(() => computeScopedConditions(scope), 9);
  printFigure(`scoped conditions, all platforms, 12 months (${scoped.reports?.toLocaleString("en")} reports), median ms`, median(scopedTimes).toFixed(0), "< 1000");
  await getPlatformConditions(biggest);
  const warmTimes = await time(() => getPlatformConditions(biggest), 50);
  printFigure("  as served (published figures cached until a counted month changes), median ms", median(warmTimes).toFixed(2), "≤ 300");
  const page = await timeRequests(`${app.url}/platforms/${biggest}/conditions`, 10);
  printFigure("  conditions page over HTTP, median / p95 ms", `${page.median.toFixed(0)} / ${page.p95.toFixed(0)}`);

  console.log("\n  JavaScript a phone downloads per page (gzipped):");
  for (const r of await measurePageJs(app.url, ["/stats", `/platforms/${biggest}/conditions`, "/rights"])) printFigure(`    ${r.path}`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
  for (const r of await measurePageJs(app.url, ["/reports/new", "/reports"], workers[1]!.cookie)) printFigure(`    ${r.path} (signed in)`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
} finally {
  await app.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}
