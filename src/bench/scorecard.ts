import { buildApp, migrate, pointAtDatabase, startApp, timeRequests, warm } from "./lib/app";
import { freshDatabase, rawInsertRate } from "./lib/database";
import { machineLine, median, printFigure, printTarget, timeRuns } from "./lib/machine";
import { PLATFORMS, seedReports } from "./lib/synthetic-reports";
import { runWrk } from "./lib/wrk";

// The fair-work scorecard (issue 16): synthetic reports on PostgreSQL, their quarters sealed
// into the lattice once, then every platform's scorecard from the sealed cells, in this process
// (server time of the query layer) and over HTTP (/api/v1/scorecards), beside the yardsticks.
// `BENCH_REPORTS=20000 npm run bench -- scorecard` for a quick smoke run.
const TOTAL = Number(process.env.BENCH_REPORTS ?? 1_000_000);

const databaseUrl = await freshDatabase("wv_bench_scorecard");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const { chinaToday } = await import("~/lib/days");
console.log(`\nScorecard benchmark on ${machineLine()}`);
await seedReports(databaseUrl, TOTAL);
const time = timeRuns;

const { sealQuarters } = await import("~/features/stats/lattice/data");
const { lastSealedQuarters } = await import("~/features/stats/lattice/quarters");
const { HISTORY_QUARTERS, readLeagueTable, readPlatformScorecard } = await import("~/features/scorecard/data");
const { db } = await import("~/server/db");
// Sealing happens once per quarter (the scheduler's job): every quarter the history shows.
const [sealing] = await time(() => sealQuarters(lastSealedQuarters(chinaToday(), HISTORY_QUARTERS)), 1);
printFigure(`sealing ${HISTORY_QUARTERS} quarters into the lattice (once per quarter), s`, (sealing! / 1000).toFixed(1));
const cells = await db.sealedCell.count();
const league = await readLeagueTable();
const reports = league.reduce((a, r) => a + r.overall.reports, 0);

const app = await startApp(databaseUrl, undefined, {}, { timing: true });
try {
  printFigure(`sealed cells: ${cells.toLocaleString("en")}; reports behind the league table (4 quarters)`, reports.toLocaleString("en"));
  const leagueTimes = await time(() => readLeagueTable(), 15);
  printTarget(`league table: all ${PLATFORMS.length} platforms' scorecards from the sealed cells, median ms`, median(leagueTimes), { atMost: 100, unit: "ms" });
  const allCards = await time(() => Promise.all(PLATFORMS.map((p) => readPlatformScorecard(p.slug))), 15);
  printTarget("every platform's full scorecard (scopes, 8-quarter history), together, median ms", median(allCards), { atMost: 100, unit: "ms" });
  const biggest = await time(() => readPlatformScorecard(PLATFORMS[0]!.slug), 15);
  printFigure(`  ${PLATFORMS[0]!.slug} alone, median ms`, median(biggest).toFixed(1));
  const roundTrip = await time(() => db.$queryRaw`SELECT 1`, 50);
  printFigure("  yardstick: one trivial statement's round trip, median ms", median(roundTrip).toFixed(2));

  await warm(`${app.url}/api/ping`);
  await warm(`${app.url}/api/v1/scorecards`, 10);
  const ping = runWrk(app.url, [{ method: "GET", path: "/api/ping" }], { seconds: 5, connections: 32 });
  printFigure("no-op Next route (yardstick), req/s", ping.rps.toFixed(0));
  const api = await timeRequests(`${app.url}/api/v1/scorecards`, 20);
  printFigure("/api/v1/scorecards over HTTP, median / p95 ms", `${api.median.toFixed(0)} / ${api.p95.toFixed(0)}`);
  printTarget("  server time (arrival to last byte), median ms", api.server.median, { atMost: 100, unit: "ms" });
  // The league table page through the shared page cache, as a phone asks for it (gzip), at the
  // public-page rate of issue 15 (2,000 a second).
  await warm(`${app.url}/scorecard`, 3);
  const page = runWrk(app.url, [{ method: "GET", path: "/scorecard", acceptEncoding: "gzip, deflate, br" }], { seconds: 5, connections: 32 });
  printTarget("league table page /scorecard (page cache), anonymous, req/s", page.rps, { atLeast: 2000, unit: "/s" }, `${(page.rps / ping.rps).toFixed(2)}x no-op; p99 ${page.p99.toFixed(1)} ms; ${page.non2xx} non-2xx`);
  const raw = await rawInsertRate(databaseUrl);
  printFigure("raw PostgreSQL single-row inserts/s (32 connections, yardstick)", raw.toFixed(0));
} finally {
  await app.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}
