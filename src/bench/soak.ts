import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp, migrate, pointAtDatabase, startApp, warm, type RunningApp } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, percentile, printFigure } from "./lib/machine";
import { describeMemory, memorySampler, type MemorySample } from "./lib/memory";
import { ballotDifferences, petitionDifferences, summaryDifferences } from "./lib/recount";

// Issue 14, sustained load: mixed writes at a fixed rate (open loop: requests leave on schedule
// whether or not earlier ones have come back), ballots, signatures and reports, plus page reads,
// on PostgreSQL through serve.mjs with the rate limits ON. The load comes through the
// trusted-proxy setting (TRUSTED_PROXIES=127.0.0.1), each worker from an address of its own in
// X-Forwarded-For, over a pool of keep-alive connections as a reverse proxy holds them. Printed:
// errors, p99 per 10 s, server RSS after warm-up and at the end (with V8's heap beside it, to
// tell a leak from a heap growing to its size), and every counter against a recount.
//
//   npm run bench -- soak                  the 60-second soak at 500 writes/s, after its warm-up
//   npm run bench -- soak --seconds 10 --warmup 5    a short smoke run (or SOAK_SECONDS, SOAK_WARMUP)
// Also --rate (SOAK_RATE), --reads (SOAK_READS, pages/s), --workers, --connections.

const option = (name: string, env: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} (${env}) must be a positive number, got ${raw}`);
  return value;
};
const SECONDS = option("seconds", "SOAK_SECONDS", 60);
const WRITES_PER_S = option("rate", "SOAK_RATE", 500);
const READS_PER_S = option("reads", "SOAK_READS", 20);
const CONNECTIONS = option("connections", "SOAK_CONNECTIONS", 64);
const PETITIONS = 6;
// Each (worker, petition) pair signs once: enough workers that the signatures (35% of the writes,
// warm-up included, which itself lasts WORKERS / 100 s + 30 s at 500/s) never run out.
const WORKERS = option("workers", "SOAK_WORKERS", Math.max(6000, Math.ceil(WRITES_PER_S * (SECONDS + 30) * 0.1)));
// The warm-up is the same load, unmeasured, until the server holds its working set. Sampled every
// 2 s over 3-minute soaks (issue 14): the heap used after each collection rose only while workers
// still came for the first time (each worker's session, sealed profile and rate-limit entries:
// the report limit keeps an address's and an account's entry for an hour), then stayed flat
// (~100-130 MB); RSS followed V8, which sized its old generation to about 3x that live set at the
// first full collection after it (~25 s later), and then stayed within a few percent. A 10-s
// warm-up measured that growth (314 -> 508 MB), not a leak. So: every worker writes every kind
// once (the reports, a fifth of the writes, take longest) and 30 s more for V8. After that RSS
// still swings with V8's cycle of full collections (a quiet run: 420-560 MB, one cycle about a
// minute, heap used climbing from ~110 to ~350 MB and back), so the two figures compared can
// fall anywhere in one swing: the per-window lines show it, and the window whose heap used drops
// back is where the live set shows.
const WINDOW_S = Math.min(10, SECONDS);
const SLOWEST_KIND_SHARE = 4 / 20; // reports: 4 of every 20 writes (write() below)
const WARMUP_S = option("warmup", "SOAK_WARMUP", Math.ceil(WORKERS / (WRITES_PER_S * SLOWEST_KIND_SHARE)) + 30);

// The soak must end with figures or a clear reason, never die silently: anything unexpected
// stops the server, closes the pools and exits non-zero with the cause.
const cleanups: (() => Promise<unknown>)[] = [];
let failing = false;
async function fail(why: string, error?: unknown): Promise<never> {
  if (!failing) {
    failing = true;
    console.error(`\nSoak benchmark FAILED: ${why}${error ? `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ""}`);
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
  process.exit(1);
}
process.on("unhandledRejection", (e) => void fail("unhandled rejection", e));
process.on("uncaughtException", (e) => void fail("uncaught exception", e));
process.on("SIGINT", () => void fail("interrupted"));
process.on("SIGTERM", () => void fail("terminated"));

const databaseUrl = await freshDatabase("wv_bench_soak");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// An idle client's error (the database restarted, a connection dropped) is an event, not a throw.
sql.on("error", (e) => console.error(`benchmark pool: ${e.message}`));
cleanups.push(() => sql.end());
const platformId = (await sql.query(`INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector) VALUES ('flasheats', 'flasheats', '闪电外卖', 'FlashEats', 'FOOD_DELIVERY') RETURNING id`)).rows[0].id as string;
const petitionIds = Array.from({ length: PETITIONS }, (_, i) => `soak-petition-${i}`);
for (const id of petitionIds) {
  await sql.query(
    `INSERT INTO "Petition" (id, "shortCode", "ownerKey", title, ask, reason, "targetKind", "platformId", status, "sponsorCount", threshold, "publishedOn", "closesOn")
     VALUES ($1, $1, 'soak-owner', '等餐超过 10 分钟应计入工时', 'Pay waiting time.', 'Riders wait unpaid.', 'PLATFORM', $2, 'PUBLISHED', 5, 1000, wv_today(), wv_today() + 90)`,
    [id, platformId],
  );
}
// The reports are for a closed month, sealed first: every report then updates the summary in its
// own transaction (the statement triggers), which is the counter the recount checks.
await sql.query(`SELECT wv_summary_seal('2026-11-01'::date, '2026-11-01'::date)`);
// App modules only now, after pointAtDatabase: they open the database when first imported.
const { CITIES, ranking, votingCampaign } = await import("./lib/ballots");
const { createWorkers } = await import("./lib/workers");
const { createUnion } = await import("~/features/accounts/mutations");
const union = await createUnion({ slug: "soak-union", nameZh: "基准工会", nameEn: "Soak union" });
const campaign = await votingCampaign(union.id, 8);
console.log(`Creating ${WORKERS} signed-in workers…`);
const workers = await createWorkers(WORKERS, (i) => ({ city: CITIES[i % CITIES.length], sectors: ["FOOD_DELIVERY"], platformSlugs: ["flasheats"] }));
const { validReport } = await import("~/test/report-input");
const { recount } = await import("~/features/ballots/tally");
const { closeDb } = await import("~/server/db");
cleanups.push(() => closeDb());

const scratch = mkdtempSync(path.join(tmpdir(), "wv-soak-"));
const logFile = path.join(scratch, "server.log");
const memoryFile = path.join(scratch, "memory.jsonl");
const app: RunningApp = await startApp(databaseUrl, 3340, { WV_DISABLE_RATE_LIMITS: "", TRUSTED_PROXIES: "127.0.0.1", WV_MEMORY_FILE: memoryFile }, { stderrFile: logFile });
let stopping = false;
cleanups.push(() => ((stopping = true), app.stop()));
let serverDied: string | null = null;
app.child.once("exit", (code, signal) => {
  if (!stopping) serverDied = `the server exited during the run (code ${code ?? "none"}, signal ${signal ?? "none"}); its log: ${logFile}`;
});
const port = Number(new URL(app.url).port);
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

// Keep-alive connections, at most CONNECTIONS at once (a proxy's upstream pool); requests beyond
// wait for one, and that wait counts in their time: the latency is from the scheduled send.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
type Sample = { at: number; ms: number; kind: string; status: number };
const samples: Sample[] = [];
const failures = new Map<string, number>();
// The clock of the measured soak: 0 when the warm-up ends. Errors count from the warm-up on.
let started = performance.now();
let measuring = false;
let warmupErrors = 0;

function send(kind: string, method: string, urlPath: string, headers: Record<string, string>, body?: string) {
  const t0 = performance.now();
  return new Promise<void>((resolve) => {
    let settled = false;
    const done = (status: number, why?: string) => {
      if (settled) return;
      settled = true;
      if (status !== 200) failures.set(`${kind} ${status || why}`, (failures.get(`${kind} ${status || why}`) ?? 0) + 1);
      if (measuring && t0 >= started) samples.push({ at: (t0 - started) / 1000, ms: performance.now() - t0, kind, status });
      else if (status !== 200) warmupErrors++;
      resolve();
    };
    const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, agent, timeout: 30_000, headers: body ? { ...headers, "content-length": String(Buffer.byteLength(body)) } : headers }, (res) => {
      res.on("error", (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
      res.on("end", () => done(res.statusCode ?? 0));
      res.resume();
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
    req.end(body);
  });
}

// Each kind walks the workers on its own, so every worker ballots, signs and reports at a human
// pace (well inside the per-account and per-address limits), from its own address.
let nextBallot = 0;
let nextSigner = 0;
let nextReporter = 0;
function write(n: number) {
  const pick = n % 20;
  const as = (w: number) => ({ "content-type": "application/json", cookie: workers[w]!.cookie, "x-forwarded-for": addressOf(w) });
  if (pick < 9) {
    const w = nextBallot++ % workers.length;
    return send("ballot", "POST", "/api/ballots", as(w), JSON.stringify({ campaignId: campaign.id, demandIds: ranking(campaign.ids, n) }));
  }
  if (pick < 16) {
    const s = nextSigner++;
    return send("signature", "POST", "/api/signatures", as(s % workers.length), JSON.stringify({ petitionId: petitionIds[Math.floor(s / workers.length) % PETITIONS] }));
  }
  const w = (nextReporter++ + Math.floor(workers.length / 2)) % workers.length;
  return send("report", "POST", "/api/reports", as(w), JSON.stringify(validReport({ platformSlug: "flasheats", city: CITIES[w % CITIES.length] as "shenzhen", hoursPerDay: 6 + (n % 8) })));
}

const READ_PATHS = ["/", `/petitions/${petitionIds[0]}`, `/campaigns/${campaign.id}`, "/petitions"];
const memory = memorySampler(app.pid, memoryFile);

// CPU seconds the server process used (utime + stime, in clock ticks of 1/100 s): a server at
// 100% of a core is saturated, and its queue shows in the p99.
const cpuSeconds = () => {
  const stat = `/proc/${app.pid}/stat`;
  if (!existsSync(stat)) return 0;
  const fields = readFileSync(stat, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

console.log(`\nSoak benchmark on ${machineLine()}`);
console.log(`  ${WRITES_PER_S} writes/s (45% ballots, 35% signatures, 20% reports) and ${READS_PER_S} pages/s for ${SECONDS} s after ${WARMUP_S} s of the same load unmeasured, ${workers.length} workers, ${CONNECTIONS} connections, rate limits on, X-Forwarded-For through TRUSTED_PROXIES`);
for (const p of READ_PATHS) {
  const res = await fetch(`${app.url}${p}`);
  if (res.status !== 200) await fail(`the page ${p} answered ${res.status} before the run`);
  await warm(`${app.url}${p}`, 20);
}
// A few hundred writes first, untimed: the first requests compile code paths and fill pools.
for (let i = 0; i < 300; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => write(i + j)));

// Open loop in 10-ms ticks: writes and reads leave on schedule, the warm-up's first, then the
// soak's. Memory is sampled every 2 s throughout; the soak's clock starts at 0 after the warm-up.
const inflight = new Set<Promise<void>>();
let afterWarmup: MemorySample | null = null;
let n = 0;
let reads = 0;
let maxLag = 0;
let cpuAtStart = 0;
let writesAtStart = 0;
const warmupTicks = Math.round(WARMUP_S * 100);
const ticks = warmupTicks + Math.round(SECONDS * 100);
const loopStarted = performance.now();
for (let tick = 0; tick < ticks && !serverDied; tick++) {
  if (tick === warmupTicks) {
    afterWarmup = memory.sample(0);
    started = performance.now();
    measuring = true;
    cpuAtStart = cpuSeconds();
    writesAtStart = n;
  }
  if (tick % 200 === 0 && tick !== warmupTicks) memory.sample((tick - warmupTicks) / 100);
  const due = Math.round(((tick + 1) * WRITES_PER_S) / 100) - Math.round((tick * WRITES_PER_S) / 100);
  const track = (p: Promise<void>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  for (let i = 0; i < due; i++) track(write(n++));
  const readsDue = Math.round(((tick + 1) * READS_PER_S) / 100) - Math.round((tick * READS_PER_S) / 100);
  for (let i = 0; i < readsDue; i++) track(send("read", "GET", READ_PATHS[reads % READ_PATHS.length]!, { "x-forwarded-for": `172.16.${(reads >> 8) & 255}.${reads++ & 255}` }));
  const wait = loopStarted + (tick + 1) * 10 - performance.now();
  maxLag = Math.max(maxLag, -wait);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
const sendingEnded = performance.now();
await Promise.all(inflight);
measuring = false;
const atEnd = memory.sample((performance.now() - started) / 1000);
const serverCpu = (cpuSeconds() - cpuAtStart) / ((performance.now() - started) / 1000);
if (serverDied) await fail(serverDied);
const drained = (performance.now() - sendingEnded) / 1000;
const elapsed = (sendingEnded - started) / 1000;

const errors = samples.filter((s) => s.status !== 200);
const kinds = ["ballot", "signature", "report", "read"].map((k) => `${k}s ${samples.filter((s) => s.kind === k).length}`).join(", ");
const sent = n - writesAtStart;
printFigure("writes sent after the warm-up", `${sent} in ${elapsed.toFixed(1)} s (${(sent / elapsed).toFixed(0)}/s); ${kinds}`, `${WRITES_PER_S}/s for ${SECONDS} s`);
printFigure("warm-up (same load, not timed)", `${WARMUP_S} s, ${writesAtStart} writes, ${warmupErrors} errors`);
printFigure("load generator behind schedule, at most", `${maxLag.toFixed(0)} ms; last answers ${drained.toFixed(1)} s after the last send`);
printFigure("server process CPU during the run", `${(serverCpu * 100).toFixed(0)}% of one core (Node runs JavaScript on one)`);
printFigure("errors (warm-up included)", `${errors.length + warmupErrors}${failures.size ? ` (${[...failures].map(([k, c]) => `${k} ×${c}`).join(", ")})` : ""}`, "0");
for (let w = 0; w < SECONDS; w += WINDOW_S) {
  const win = samples.filter((s) => s.at >= w && s.at < w + WINDOW_S);
  const p99 = (xs: number[]) => (xs.length ? `${percentile(xs, 99).toFixed(0)} ms` : "none");
  const writes = win.filter((s) => s.kind !== "read").map((s) => s.ms);
  const pages = win.filter((s) => s.kind === "read").map((s) => s.ms);
  printFigure(`p99 ${w}-${Math.min(SECONDS, w + WINDOW_S)} s`, `writes ${p99(writes)} (${writes.length}), pages ${p99(pages)} (${pages.length})`);
}
// Memory per window: the highest RSS, and the lowest heap used, which is the live set in a window
// with a full collection (the ones where it drops back): flat from one such window to the next
// means no leak, whatever RSS does.
for (let w = 0; w < SECONDS; w += WINDOW_S) {
  const win = memory.samples.filter((s) => s.at >= w && s.at < w + WINDOW_S);
  if (win.length === 0) continue;
  const most = Math.max(...win.map((s) => s.rss));
  const live = Math.min(...win.map((s) => s.heapUsed));
  printFigure(`memory ${w}-${Math.min(SECONDS, w + WINDOW_S)} s`, `RSS up to ${most.toFixed(0)} MB, V8 heap used down to ${live.toFixed(0)} MB`);
}
const before = afterWarmup ?? atEnd;
const drift = before.rss ? ((atEnd.rss - before.rss) / before.rss) * 100 : NaN;
printFigure("server after warm-up", describeMemory(before));
printFigure("server at the end", describeMemory(atEnd));
printFigure("server RSS", `${before.rss.toFixed(0)} MB after the ${WARMUP_S}-s warm-up, ${atEnd.rss.toFixed(0)} MB at the end (${drift >= 0 ? "+" : ""}${drift.toFixed(1)}%)`, "within 10%");
const incidents = readFileSync(logFile, "utf8")
  .split("\n")
  .filter((l) => /incident/.test(l))
  .map((l) => l.replace(/incident [0-9a-f]+: /, ""));
const incidentKinds = new Map<string, number>();
for (const i of incidents) incidentKinds.set(i, (incidentKinds.get(i) ?? 0) + 1);
printFigure("server incidents logged", `${incidents.length}${incidents.length ? ` (${[...incidentKinds].map(([k, c]) => `${k} ×${c}`).join("; ")}); log ${logFile}` : ""}`, "0");

// Every counter against a recount of what is stored.
const petitions = await petitionDifferences(sql, petitionIds);
const tally = await ballotDifferences(sql, campaign.id, recount);
const summary = await summaryDifferences(sql, platformId);
const signatures = Number((await sql.query(`SELECT count(*) FROM "PetitionSignature"`)).rows[0].count);
const differences = [...petitions, ...tally.differences, ...summary.differences];
printFigure(
  "counters vs recount",
  differences.length
    ? `${differences.length} differ: ${differences.slice(0, 4).join("; ")}`
    : `all equal: petition tallies of ${signatures} signatures on ${PETITIONS} petitions, ${tally.cells} tally cells and ${tally.groups} tally groups of ${tally.ballots} ballots, ${summary.groups} summary rows of ${summary.reports} reports`,
  "all equal",
);

stopping = true;
await app.stop();
agent.destroy();
await sql.end();
await closeDb();
process.exit(errors.length || warmupErrors || differences.length ? 1 : 0);
