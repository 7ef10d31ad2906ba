import { prepareBench, startApp, timeRequests } from "./lib/app";
import { measurePageJs, NEXT_FLOOR_KB } from "./lib/bundle";
import { rawInsertRate } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers } from "./lib/workers";
import { printWrkRuns, runWrk } from "./lib/wrk";

// Issue 4 figures: ballots cast or changed through the real HTTP API by signed-in workers
// (POST /api/ballots, as the ballot page sends them: one statement writes the ballot and the
// running tally), the
// tally read over a campaign of 100,000 ballots, and the raw insert rate of the same PostgreSQL.
const databaseUrl = await prepareBench("wv_bench_campaigns");

const { db, closeDb } = await import("~/server/db");
const { createUnion } = await import("~/features/accounts/mutations");
const { getCampaignFigures } = await import("~/features/ballots/data");
const { setPhase } = await import("~/features/campaigns/mutations");
const { recount } = await import("~/features/ballots/tally");
const { bulkBallots, sessionBallotRequests, voterProfile, votingCampaign } = await import("./lib/ballots");

const union = await createUnion({ slug: "bench-union", nameZh: "基准工会", nameEn: "Bench union" });
const live = await votingCampaign(union.id, 10);
const big = await votingCampaign(union.id, 10);
const workers = await createWorkers(2000, voterProfile);
await bulkBallots(big.id, big.ids, 100_000);
const app = await startApp(databaseUrl, 3312, {}, { timing: true });

try {
  console.log(`\nCampaigns benchmark on ${machineLine()}`);
  const requests = sessionBallotRequests(workers, live, 3);
  runWrk(app.url, requests.slice(0, 200), { seconds: 3, connections: 8 }); // warm-up
  const runs = [0, 1, 2].map(() => runWrk(app.url, requests, { seconds: 10, connections: 32 }));
  printWrkRuns("ballots cast or changed via HTTP", runs, { rps: "≥ 500", p99: "≤ 150" });

  // The tally must still equal a recount after the burst. wrk stops sending at the deadline but
  // the server finishes the requests in flight, so wait for those before reading.
  await new Promise((r) => setTimeout(r, 5000));
  const stored = await db.ballot.findMany({ where: { campaignId: live.id }, select: { demandIds: true, city: true, platform: true, sector: true } });
  const fresh = recount(stored.map((b) => ({ demandIds: b.demandIds, profile: { city: b.city, platform: b.platform, sector: b.sector } })));
  const cells = await db.tallyCell.findMany({ where: { campaignId: live.id, dim: "all" } });
  const ok = cells.every((c) => {
    const f = fresh.cells.get(`all||${c.demandId}`);
    return (f?.points ?? 0) === c.points && (f?.firsts ?? 0) === c.firsts && (f?.includes ?? 0) === c.includes;
  });
  printFigure("  ballots stored / tally equals recount", `${stored.length} / ${ok ? "yes" : "NO"}`);

  // The tally is published only once closed: before, the same call reads the turnout alone.
  await setPhase(union.id, big.id, "CLOSED");
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await getCampaignFigures(big.id);
    times.push(performance.now() - started);
  }
  printFigure("tally of 100,000 ballots, server time (getCampaignFigures), ms", median(times).toFixed(1), "≤ 50");
  const input = encodeURIComponent(JSON.stringify({ json: { campaignId: big.id } }));
  const http = await timeRequests(`${app.url}/api/trpc/ballots.results?input=${input}`, 30, { cookie: workers[0]!.cookie });
  printFigure("  same over HTTP (tRPC), server time, median / p95, ms", `${http.server.median.toFixed(1)} / ${http.server.p95.toFixed(1)}`);
  printFigure("  same over HTTP, wall time over loopback, median / p95, ms", `${http.median.toFixed(1)} / ${http.p95.toFixed(1)}`);

  const raw = await rawInsertRate(databaseUrl);
  printFigure("raw PostgreSQL single-row inserts/s (32 connections)", raw.toFixed(0));

  console.log("\n  JavaScript a phone downloads per campaign page (gzipped, signed-in worker):");
  for (const r of await measurePageJs(app.url, ["/campaigns", `/campaigns/${live.id}`], workers[1]!.cookie)) {
    printFigure(`    ${r.path.replace(live.id, "[id]")}`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB = floor ${NEXT_FLOOR_KB} + 50`);
  }
} finally {
  await app.stop();
  await closeDb();
}
