import pg from "pg";
import { insertPlatforms, insertSignatures, publishedPetition as insertPetition } from "./lib/big-petition";
import { buildApp, migrate, pointAtDatabase, startApp, timeRequests, warm } from "./lib/app";
import { measurePageJs, NEXT_FLOOR_KB } from "./lib/bundle";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers, type BenchWorker } from "./lib/workers";
import { runWrk } from "./lib/wrk";

// Petitions under load, on PostgreSQL through the real HTTP API:
// 1. one-tap signatures from distinct signed-in workers (wrk, closed loop), then a check that
//    the shown count, the counter rows and the stored signatures agree exactly;
// 2. the page of a petition holding 1,000,000 signatures (inserted in SQL), timed sequentially.
// Target (issue 5): >= 500 signatures/s with p99 <= 150 ms; petition page <= 20 ms server time.

const SIGNERS = Number(process.env.BENCH_SIGNERS ?? 16_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const CITIES = ["beijing", "shanghai", "guangzhou", "shenzhen", "chengdu", "wuhan", "xian", "hangzhou"];
const SECTORS = ["FOOD_DELIVERY", "COURIER", "RIDE_HAILING", "LIVE_STREAMING"];
const SLUGS = ["flasheats", "swiftparcel", "ridealong", "starlive"];

const databaseUrl = await freshDatabase("wv_bench_petitions");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const platforms = await insertPlatforms(sql, SLUGS, SECTORS);

const publishedPetition = (id: string, title: string) => insertPetition(sql, id, title, platforms[0]!);

const workers = await createWorkers(SIGNERS, (i) => ({ city: CITIES[i % CITIES.length], sectors: [SECTORS[i % SECTORS.length]!], platformSlugs: [SLUGS[i % SLUGS.length]!] }));
await publishedPetition("bench-warm-petition", "Warm-up petition");
const SIGN_PETITIONS = ["bench-sign-petition", "bench-sign-petition-2", "bench-sign-petition-3"];
for (const id of SIGN_PETITIONS) await publishedPetition(id, "等餐超过 10 分钟应计入工时");
await publishedPetition("bench-big-petition", "一百万人的联署");

const app = await startApp(databaseUrl, undefined, {}, { timing: true });
const signRequests = (petitionId: string, list: BenchWorker[]) =>
  list.map((w) => ({ method: "POST" as const, path: "/api/signatures", body: JSON.stringify({ petitionId }), cookie: w.cookie }));

try {
  console.log(`\nPetitions benchmark on ${machineLine()}`);
  await warm(`${app.url}/petitions/bench-warm-petition`, 30);
  runWrk(app.url, signRequests("bench-warm-petition", workers.slice(0, 4000)), { seconds: 4, connections: 32, threads: 1 });

  // Three runs, each on its own petition so every worker can sign again; one wrk thread walks
  // the worker list in order, so every request is a different worker.
  type Run = ReturnType<typeof runWrk> & { stored: number; counters: number; shown: number };
  const runs: Run[] = [];
  for (const petitionId of SIGN_PETITIONS) {
    const result = runWrk(app.url, signRequests(petitionId, workers), { seconds: SECONDS, connections: 32, threads: 1 });
    // wrk stops counting with requests still in flight: let them finish before comparing counts.
    await new Promise((r) => setTimeout(r, 2000));
    const stored = Number((await sql.query(`SELECT count(*) FROM "PetitionSignature" WHERE "petitionId" = $1`, [petitionId])).rows[0].count);
    const counters = Number((await sql.query(`SELECT coalesce(sum(count), 0) AS n FROM "PetitionTally" WHERE "petitionId" = $1 AND dimension = 'total'`, [petitionId])).rows[0].n);
    const shownRes = await fetch(`${app.url}/api/trpc/petitions.counts?input=${encodeURIComponent(JSON.stringify({ json: { petitionId } }))}`);
    const shown = ((await shownRes.json()) as { result: { data: { json: { shown: number } } } }).result.data.json.shown;
    runs.push({ ...result, stored, counters, shown });
  }
  const list = (f: (r: Run) => number, digits = 0) => runs.map((r) => f(r).toFixed(digits)).join(", ");
  printFigure("signatures through HTTP, 32 connections, per s (median of 3)", median(runs.map((r) => r.rps)).toFixed(0), ">= 500/s");
  printFigure("  p99 latency, ms (median of 3)", median(runs.map((r) => r.p99)).toFixed(1), "p99 <= 150 ms");
  printFigure("  each run: per s / p50 / p99 ms", `${list((r) => r.rps)} / ${list((r) => r.p50, 1)} / ${list((r) => r.p99, 1)}`);
  printFigure("  non-2xx / socket errors (all runs)", `${runs.reduce((n, r) => n + r.non2xx, 0)} / ${runs.reduce((n, r) => n + r.errors, 0)}`);
  printFigure("  stored signatures = counter rows = shown count", runs.map((r) => `${r.stored} = ${r.counters} = ${r.shown}`).join("; "));
  if (runs.some((r) => r.requests > SIGNERS)) console.log(`  (wrk wrapped past ${SIGNERS} workers: the repeats are refused as ALREADY_SIGNED, the non-2xx above)`);
  if (runs.some((r) => r.stored !== r.counters || r.stored !== r.shown || r.stored < Math.min(r.requests - r.non2xx - r.errors, SIGNERS))) {
    console.error("  COUNTS DISAGREE");
    process.exitCode = 1;
  }
  const stored = runs[0]!.stored;

  // A million signatures straight into SQL (the HTTP path above is what signing costs).
  const seconds = await insertSignatures(sql, "bench-big-petition", BIG, { cities: CITIES, slugs: SLUGS, sectors: SECTORS });
  console.log(`  (inserted ${BIG.toLocaleString("en")} signatures, their counters and release in ${seconds.toFixed(0)} s)`);

  const countStart = performance.now();
  await sql.query(`SELECT count(*) FROM "PetitionSignature" WHERE "petitionId" = 'bench-big-petition'`);
  printFigure("  count(*) over those rows (what the page never runs), ms", (performance.now() - countStart).toFixed(1));

  const page = `${app.url}/petitions/bench-big-petition`;
  // A served page runs warm: V8 needs a few hundred renders before React's server code is
  // optimised (after 20 the median was ~30 ms, after 300 ~16 ms on the benchmark machine).
  await warm(page, 300);
  const both = (t: { median: number; p95: number }) => `${t.median.toFixed(1)} / ${t.p95.toFixed(1)}`;
  const anon = await timeRequests(page, 60);
  printFigure(`petition page, ${BIG.toLocaleString("en")} signatures, anonymous, server time: median / p95 ms`, both(anon.server), "<= 20 ms server time");
  printFigure("  same requests, wall time over loopback: median / p95 ms", both(anon));
  await timeRequests(page, 100, { cookie: workers[0]!.cookie }); // warm the signed-in path too
  const signedIn = await timeRequests(page, 60, { cookie: workers[0]!.cookie });
  printFigure("  same page, signed-in worker, server time: median / p95 ms", both(signedIn.server));
  const small = await timeRequests(`${app.url}/petitions/bench-sign-petition`, 60);
  printFigure(`  for comparison, a petition with ${stored.toLocaleString("en")} signatures, server time: median / p95 ms`, both(small.server));
  const pageRuns = [0, 1, 2].map(() => runWrk(app.url, [{ method: "GET", path: "/petitions/bench-big-petition" }], { seconds: 4, connections: 16 }));
  printFigure("  same page under load (16 connections), req/s", median(pageRuns.map((r) => r.rps)).toFixed(0));

  for (const r of await measurePageJs(app.url, ["/petitions", "/petitions/bench-big-petition"])) {
    printFigure(`JavaScript for ${r.path} (gzipped)`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
  }
} finally {
  await app.stop();
  await sql.end();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}
