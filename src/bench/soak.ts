import { readFileSync } from "node:fs";
import pg from "pg";
import { buildApp, migrate, pointAtDatabase, startApp, warm } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, percentile, printFigure } from "./lib/machine";

// Issue 14, sustained load: 60 s of mixed writes at a fixed rate (open loop: requests leave on
// schedule whether or not earlier ones have come back), ballots, signatures and reports, plus
// page reads, on PostgreSQL through serve.mjs with the rate limits ON. The load comes through
// the trusted-proxy setting (TRUSTED_PROXIES=127.0.0.1), each worker from an address of its
// own, as workers on their phones would. Printed: errors, p99 per 10 s, server RSS after warm-up
// and at the end, and every counter against a recount of the stored rows.

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WRITES_PER_S = Number(process.env.SOAK_RATE ?? 500);
const READS_PER_S = Number(process.env.SOAK_READS ?? 20);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 6000);
const PETITIONS = 6;

const databaseUrl = await freshDatabase("wv_bench_soak");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const platformId = (await sql.query(`INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector) VALUES ('flasheats', 'flasheats', '闪电外卖', 'FlashEats', 'FOOD_DELIVERY') RETURNING id`)).rows[0].id as string;
const petitionIds = Array.from({ length: PETITIONS }, (_, i) => `soak-petition-${i}`);
for (const id of petitionIds) {
  await sql.query(
    `INSERT INTO "Petition" (id, "shortCode", "ownerKey", title, ask, reason, "targetKind", "platformId", status, "sponsorCount", threshold, "publishedOn", "closesOn")
     VALUES ($1, $1, 'soak-owner', '等餐超过 10 分钟应计入工时', 'Pay waiting time.', 'Riders wait unpaid.', 'PLATFORM', $2, 'PUBLISHED', 5, 1000, wv_today(), wv_today() + 90)`,
    [id, platformId],
  );
}
// App modules only now, after pointAtDatabase: they open the database when first imported.
const { ranking, votingCampaign } = await import("./lib/ballots");
const { createWorkers } = await import("./lib/workers");
const { createUnion } = await import("~/features/accounts/mutations");
const union = await createUnion({ slug: "soak-union", nameZh: "基准工会", nameEn: "Soak union" });
const campaign = await votingCampaign(union.id, 8);
const workers = await createWorkers(WORKERS);
const { validReport } = await import("~/test/report-input");
const { recount } = await import("~/features/ballots/tally");

const app = await startApp(databaseUrl, 3340, { WV_DISABLE_RATE_LIMITS: "", TRUSTED_PROXIES: "127.0.0.1" });
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

type Sample = { at: number; ms: number; ok: boolean; kind: string; status: number };
const samples: Sample[] = [];
const started = performance.now();
let nextSigner = 0;
let nextWorker = 0;

async function timed(kind: string, path: string, init: RequestInit) {
  const t0 = performance.now();
  let status = 0;
  try {
    const res = await fetch(`${app.url}${path}`, init);
    await res.arrayBuffer();
    status = res.status;
  } catch {
    /* no answer */
  }
  samples.push({ at: (t0 - started) / 1000, ms: performance.now() - t0, ok: status === 200, kind, status });
}

function write(n: number) {
  const w = nextWorker++ % workers.length;
  const headers = { "content-type": "application/json", cookie: workers[w]!.cookie, "x-forwarded-for": addressOf(w) };
  const pick = n % 20;
  if (pick < 9) return timed("ballot", "/api/ballots", { method: "POST", headers, body: JSON.stringify({ campaignId: campaign.id, demandIds: ranking(campaign.ids, n) }) });
  if (pick < 16) {
    // Each (worker, petition) pair signs once: signers walk the workers, petition by petition.
    const s = nextSigner++;
    const signer = s % workers.length;
    const h = { ...headers, cookie: workers[signer]!.cookie, "x-forwarded-for": addressOf(signer) };
    return timed("signature", "/api/signatures", { method: "POST", headers: h, body: JSON.stringify({ petitionId: petitionIds[Math.floor(s / workers.length) % PETITIONS] }) });
  }
  return timed("report", "/api/reports", { method: "POST", headers, body: JSON.stringify(validReport({ platformSlug: "flasheats", hoursPerDay: 6 + (n % 8) })) });
}

const READ_PATHS = ["/", `/petitions/${petitionIds[0]}`, `/campaigns/${campaign.id}`];
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))![1]) / 1024;

console.log(`\nSoak benchmark on ${machineLine()}`);
for (const p of READ_PATHS) await warm(`${app.url}${p}`, 30);

// Open loop in 10-ms ticks: writes and reads leave on schedule.
const inflight = new Set<Promise<void>>();
let rssAfterWarmup = 0;
let n = 0;
let reads = 0;
for (let tick = 0; tick < SECONDS * 100; tick++) {
  const due = Math.round(((tick + 1) * WRITES_PER_S) / 100) - Math.round((tick * WRITES_PER_S) / 100);
  for (let i = 0; i < due; i++) {
    const p = write(n++);
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }
  if (tick % Math.max(1, Math.round(100 / READS_PER_S)) === 0) {
    const path = READ_PATHS[reads++ % READ_PATHS.length]!;
    const p = timed("read", path, { headers: { "x-forwarded-for": addressOf(reads) } });
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }
  if (tick === 999) rssAfterWarmup = rss();
  const wait = started + (tick + 1) * 10 - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
await Promise.all(inflight);
const rssEnd = rss();
const elapsed = (performance.now() - started) / 1000;

const errors = samples.filter((s) => !s.ok);
printFigure("writes sent", `${n} in ${elapsed.toFixed(1)} s (${(n / elapsed).toFixed(0)}/s), reads ${reads}`, `${WRITES_PER_S}/s for ${SECONDS} s`);
printFigure("errors", `${errors.length}${errors.length ? ` (${[...new Set(errors.map((e) => `${e.kind} ${e.status}`))].slice(0, 6).join(", ")})` : ""}`, "0");
for (let w = 0; w < SECONDS; w += 10) {
  const win = samples.filter((s) => s.at >= w && s.at < w + 10);
  const writes = win.filter((s) => s.kind !== "read").map((s) => s.ms);
  const pages = win.filter((s) => s.kind === "read").map((s) => s.ms);
  printFigure(`p99 ${w}-${w + 10} s`, `writes ${percentile(writes, 99).toFixed(0)} ms, pages ${percentile(pages, 99).toFixed(0)} ms`);
}
const drift = ((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 100;
printFigure("server RSS", `${rssAfterWarmup.toFixed(0)} MB after warm-up (10 s), ${rssEnd.toFixed(0)} MB at the end (${drift >= 0 ? "+" : ""}${drift.toFixed(1)}%)`, "within 10%");

// Every counter against a recount of what is stored.
const mismatches: string[] = [];
for (const id of petitionIds) {
  const stored = Number((await sql.query(`SELECT count(*) FROM "PetitionSignature" WHERE "petitionId" = $1`, [id])).rows[0].count);
  const counted = Number((await sql.query(`SELECT coalesce(sum(count), 0) AS n FROM "PetitionTally" WHERE "petitionId" = $1 AND dimension = 'total'`, [id])).rows[0].n);
  if (stored !== counted) mismatches.push(`${id}: ${counted} counted, ${stored} stored`);
}
const ballots = (await sql.query<{ demandIds: string[] }>(`SELECT "demandIds" FROM "Ballot" WHERE "campaignId" = $1`, [campaign.id])).rows;
const fresh = recount(ballots.map((b) => ({ demandIds: b.demandIds, profile: { city: "", platform: "", sector: "" } })));
const cells = (await sql.query<{ demandId: string; points: number; firsts: number; includes: number }>(`SELECT "demandId", points, firsts, includes FROM "TallyCell" WHERE "campaignId" = $1 AND dim = 'all'`, [campaign.id])).rows;
for (const c of cells) {
  const f = fresh.cells.get(`all||${c.demandId}`) ?? { points: 0, firsts: 0, includes: 0 };
  if (f.points !== c.points || f.firsts !== c.firsts || f.includes !== c.includes) mismatches.push(`tally of ${c.demandId}`);
}
const group = Number((await sql.query(`SELECT coalesce(sum(ballots), 0) AS n FROM "TallyGroup" WHERE "campaignId" = $1 AND dim = 'all'`, [campaign.id])).rows[0].n);
if (group !== ballots.length) mismatches.push(`ballot count: ${group} counted, ${ballots.length} stored`);
printFigure("counters vs recount", mismatches.length ? `${mismatches.length} differ: ${mismatches.slice(0, 4).join("; ")}` : `all equal (${PETITIONS} petitions, ${ballots.length} ballots, ${cells.length} tally cells)`, "all equal");

await app.stop();
await sql.end();
const { closeDb } = await import("~/server/db");
await closeDb();
