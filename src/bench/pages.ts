import pg from "pg";
import { prepareBench, startApp, warm } from "./lib/app";
import { insertPlatforms, insertSignatures, publishedPetition } from "./lib/big-petition";
import { rawInsertRate } from "./lib/database";
import { machineLine, median, printFigure, printTarget } from "./lib/machine";
import { sampleRss } from "./lib/rss";
import { PLATFORMS, reportBody } from "./lib/synthetic-reports";
import { createWorkers } from "./lib/workers";
import { runWrk, type WrkRequest, type WrkResult } from "./lib/wrk";
import { noopRate } from "./lib/yardsticks";

// Issue 15's performance figures, on PostgreSQL through the production server (serve.mjs, its
// page cache and hot routes), 32 connections, each beside the no-op Next route and the raw
// insert rate of the same PostgreSQL measured in the same run (the machine is shared: read the
// figures as multiples of those):
// - a petition page with 1,000,000 signatures, anonymous, and signed in (a view is the cached
//   page plus its GET /api/me/page with the session cookie);
// - the home page and a campaign page, anonymous;
// - casting a ballot with what the page then fetches: nothing (the island updates its personal
//   part from the write's answer; e2e/campaigns.spec.ts asserts the page makes that one request),
//   and ballots, signatures and reports alone;
// - the server's largest RSS over all of it.
// BENCH_SECONDS (5) per run, BENCH_RUNS (3) runs per figure, BENCH_BIG signatures (1,000,000).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG = Number(process.env.BENCH_BIG ?? 1_000_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8000);
// The platforms the synthetic reports name (reportBody), so every report is for a known one.
const PROFILE = { cities: ["beijing", "shanghai", "shenzhen", "chengdu"], slugs: PLATFORMS.map((p) => p.slug), sectors: PLATFORMS.map((p) => p.sector) };

const databaseUrl = await prepareBench("wv_bench_pages");
const { closeDb } = await import("~/server/db");
const { createUnion } = await import("~/features/accounts/mutations");
const { sessionBallotRequests, voterProfile, votingCampaign } = await import("./lib/ballots");
const { openMonths } = await import("~/features/reports/months");
const { chinaToday } = await import("~/lib/days");

const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const [platform] = await insertPlatforms(sql, PROFILE.slugs, PROFILE.sectors);
await publishedPetition(sql, "bench-big", "一百万人的联署：等餐超过 10 分钟应计入工时", platform!);
const signPetitions = Array.from({ length: RUNS + 1 }, (_, i) => `bench-sign-${i}`);
for (const id of signPetitions) await publishedPetition(sql, id, "等餐超过 10 分钟应计入工时", platform!);
const inserted = await insertSignatures(sql, "bench-big", BIG, PROFILE);
const union = await createUnion({ slug: "bench-union", nameZh: "基准工会", nameEn: "Bench union" });
const campaign = await votingCampaign(union.id, 10);
const workers = await createWorkers(WORKERS, voterProfile);
const month = openMonths(chinaToday())[0]!;
const app = await startApp(databaseUrl, 3316);

// Pages are asked for as a phone's browser asks (Accept-Encoding: gzip), so the cache's gzip is
// what goes over the wire; the JSON of GET /api/me/page is small and sent plain.
const page = (path: string, cookie?: string): WrkRequest => ({ method: "GET", path, cookie, acceptEncoding: "gzip, deflate, br" });
const get = (path: string, cookie?: string): WrkRequest => ({ method: "GET", path, cookie });
const mePage = (path: string, cookie: string) => get(`/api/me/page?path=${encodeURIComponent(path)}`, cookie);
const PETITION = "/petitions/bench-big";
const CAMPAIGN = `/campaigns/${campaign.id}`;
const ballots = sessionBallotRequests(workers, campaign, 3);
const signs = (petitionId: string) => workers.map((w): WrkRequest => ({ method: "POST", path: "/api/signatures", body: JSON.stringify({ petitionId }), cookie: w.cookie }));

/** RUNS wrk runs of `requests`; `threads: 1` walks the list in order (each signature a new worker). */
function measure(requests: WrkRequest[], threads = 2, list = () => requests) {
  return Array.from({ length: RUNS }, (_, i) => runWrk(app.url, i === 0 ? requests : list(), { seconds: SECONDS, connections: 32, threads }));
}
const rate = (runs: WrkResult[], perRequest = 1) => median(runs.map((r) => r.rps)) / perRequest;
const failures = (runs: WrkResult[]) => `${runs.reduce((s, r) => s + r.non2xx, 0)} non-2xx, ${runs.reduce((s, r) => s + r.errors, 0)} socket errors`;

/** A cached page must answer 200 from the cache before it is measured. */
async function probe(path: string, cookie?: string) {
  await warm(`${app.url}${path}`, 3);
  const res = await fetch(`${app.url}${path}`, { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  if (res.status !== 200 || res.headers.get("x-cache") !== "HIT") throw new Error(`${path} answered ${res.status}, x-cache ${res.headers.get("x-cache")}: not from the page cache`);
}

const rss = sampleRss(app.pid);
let missed = 0;
try {
  console.log(`\nPublic pages and writes benchmark on ${machineLine()}`);
  console.log(`  (inserted ${BIG.toLocaleString("en")} signatures with their counters, release and milestones in ${inserted.toFixed(0)} s; ${SECONDS}-s runs, median of ${RUNS})`);
  for (const path of [PETITION, "/", CAMPAIGN]) await probe(path);
  await probe(PETITION, workers[0]!.cookie);
  // Warm-up of every path measured, so V8 has optimised them before the first run counts.
  runWrk(app.url, [page(PETITION), page("/"), page(CAMPAIGN), mePage(PETITION, workers[0]!.cookie), ...ballots.slice(0, 500), ...signs(signPetitions[RUNS]!).slice(0, 500)], { seconds: 3, connections: 32, threads: 1 });

  const noop = noopRate(app.url, { seconds: SECONDS, runs: RUNS });
  const vsNoop = (perSecond: number) => `${(perSecond / noop).toFixed(2)}x no-op`;
  printFigure("yardstick: no-op Next route (GET /api/ping), req/s", noop.toFixed(0));
  const check = (label: string, perSecond: number, atLeast: number, runs: WrkResult[], unit = "/s") => {
    if (!printTarget(label, perSecond, { atLeast, unit }, vsNoop(perSecond))) missed++;
    printFigure("  p50 / p99 latency, ms; failures", `${median(runs.map((r) => r.p50)).toFixed(1)} / ${median(runs.map((r) => r.p99)).toFixed(1)}; ${failures(runs)}`);
  };

  const anonymous = measure([page(PETITION)]);
  check(`petition page, ${BIG.toLocaleString("en")} signatures, anonymous, req/s`, rate(anonymous), 2000, anonymous);
  if (!printTarget("  p99 latency, ms", median(anonymous.map((r) => r.p99)), { atMost: 50, unit: "ms" })) missed++;

  // A signed-in view: the cached page and its personal request, each worker with its own cookie.
  const signedIn = measure(workers.slice(0, 2000).flatMap((w) => [page(PETITION, w.cookie), mePage(PETITION, w.cookie)]));
  check("same page signed in (page + GET /api/me/page), views/s", rate(signedIn, 2), 500, signedIn);

  const home = measure([page("/")]);
  check("home page, anonymous, req/s", rate(home), 2000, home);
  const campaignPage = measure([page(CAMPAIGN)]);
  check("campaign page (voting), anonymous, req/s", rate(campaignPage), 2000, campaignPage);

  // Casting a ballot as the page does it: the write, whose answer is all the page then needs (no
  // GET /api/me/page after it: e2e/campaigns.spec.ts). And that request alone, for a page that
  // is opened signed in (a figure, not a target).
  const castAsPage = measure(ballots);
  check("ballot cast as the page casts it (nothing fetched after), ballots/s", rate(castAsPage), 800, castAsPage);
  const personal = measure(workers.slice(0, 4000).map((w) => mePage(CAMPAIGN, w.cookie)));
  printFigure("  a campaign page's GET /api/me/page alone (opening it signed in), req/s", rate(personal).toFixed(0));

  const raw = await rawInsertRate(databaseUrl, SECONDS);
  const vsRaw = (runs: WrkResult[]) => `${vsNoop(rate(runs))}, ${(rate(runs) / raw).toFixed(2)}x raw inserts`;
  const write = (label: string, runs: WrkResult[]) => {
    if (!printTarget(label, rate(runs), { atLeast: 1000, unit: "/s" }, vsRaw(runs))) missed++;
    printFigure("  p50 / p99 latency, ms; failures", `${median(runs.map((r) => r.p50)).toFixed(1)} / ${median(runs.map((r) => r.p99)).toFixed(1)}; ${failures(runs)}`);
  };
  write("ballots cast or changed alone (the runs above), per s", castAsPage);
  let run = 0;
  write("signatures alone (each a new signer), per s", measure(signs(signPetitions[run]!), 1, () => signs(signPetitions[++run]!)));
  write("reports filed or refiled alone, per s", measure(workers.map((w, i): WrkRequest => ({ method: "POST", path: "/api/reports", body: reportBody(i, month), cookie: w.cookie }))));
  printFigure("yardstick: raw PostgreSQL single-row inserts/s (32 connections)", raw.toFixed(0));

  const memory = rss.stop();
  for (const [pid, mb] of Object.entries(memory)) {
    if (!printTarget(`server RSS, largest during the runs (pid ${pid}), MB`, mb, { atMost: 400, unit: "MB" })) missed++;
  }
  console.log(missed ? `  ${missed} figure(s) MISS their target` : "  every figure meets its target");
} finally {
  rss.stop();
  await app.stop();
  await sql.end();
  await closeDb();
}
