import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { startCluster, type Cluster } from "./cluster";
import { serveApp, type ServedApp } from "./served-app";
import { bodyOf, send, type Kind, type Outcome, type Targets } from "./writes";

// Issue 14, database faults: the app on PostgreSQL under a burst of ballots, signatures and
// reports while PostgreSQL restarts (fast and immediate shutdown) or drops every connection.
// Every write answered with success is stored afterwards; a write during the outage gets a
// translated "try again" (503 UNAVAILABLE with Retry-After), never a 500 and never a long wait;
// the app recovers by itself.

const PORT = 25440;
const APP_PORT = 3390;
let cluster: Cluster;
let app: ServedApp;
let fixtures: typeof import("./fixtures");
let targets: Targets;

beforeAll(async () => {
  cluster = await startCluster(PORT);
  process.env.DATABASE_URL = cluster.url;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  fixtures = await import("./fixtures");
  targets = await fixtures.targets();
  app = await serveApp(APP_PORT, cluster.url);
});

afterAll(async () => {
  await app?.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
  await cluster?.destroy();
});

/**
 * Sends ballots, signatures and reports from `workers` signed-in workers (each acts once per
 * kind), 8 at a time at about 200 writes a second, and runs the fault 0.4 s in, while they flow.
 */
async function burst(workers: number, fault: () => Promise<void>) {
  const ws = await fixtures.signedInWorkers(workers);
  const jobs: { kind: Kind; worker: number }[] = [];
  for (let i = 0; i < workers; i++) for (const kind of ["ballot", "signature", "report"] as const) jobs.push({ kind, worker: i });
  const outcomes: Outcome[] = [];
  let next = 0;
  let faultDone = false;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      outcomes.push(await send(app.url, ws[job.worker]!.cookie, job.kind, bodyOf(job.kind, targets, job.worker), job.worker));
      await new Promise((r) => setTimeout(r, 30));
    }
  };
  const lanes = Promise.all(Array.from({ length: 8 }, lane));
  await new Promise((r) => setTimeout(r, 400));
  await fault();
  faultDone = true;
  await lanes;
  // The burst must have outlasted the fault, or it proved nothing about recovery.
  expect(faultDone && next >= jobs.length).toBe(true);
  return { ws, outcomes };
}

/** What a worker can check afterwards: their ballot, their signature, their report. */
async function stored(accountId: string, kind: Kind): Promise<boolean> {
  if (kind === "ballot") return !!(await (await import("~/features/ballots/data")).getMyBallot(accountId, targets.campaignId));
  if (kind === "signature") return !!(await (await import("~/features/petitions/signatures/data")).getMySignature(accountId, targets.petitionId));
  return (await (await import("~/features/reports/data")).listMyReports(accountId)).length > 0;
}

/**
 * `mustRefuse`: an outage refuses the writes sent during it. Dropped connections may be survived
 * without a refusal when no statement was in flight at that instant (writes take about a
 * millisecond); that test proves the drop by the count of backends it ended instead.
 */
async function expectNothingLostAndClearRefusals({ ws, outcomes }: Awaited<ReturnType<typeof burst>>, mustRefuse = true) {
  const acknowledged = outcomes.filter((o) => o.status === 200);
  const refused = outcomes.filter((o) => o.status !== 200);
  // The fault happened while writes were in flight, and the app both refused and recovered.
  if (mustRefuse) expect(refused.length).toBeGreaterThan(0);
  expect(acknowledged.length).toBeGreaterThan(0);
  // Never a 500, never a dropped connection: a clear, translated "try again".
  expect(refused.map((o) => `${o.status} ${o.appCode} ${o.retryAfter}`).filter((s) => s !== "503 UNAVAILABLE 3")).toEqual([]);
  // Never a long wait (a connection attempt gives up after 3 s, a statement after 10 s).
  expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(15_000);
  // Every acknowledged write is there.
  const lost: string[] = [];
  for (const o of acknowledged) if (!(await stored(ws[o.worker]!.accountId, o.kind))) lost.push(`${o.kind} of worker ${o.worker}`);
  expect(lost).toEqual([]);
  // And the app recovered by itself: a refused write, sent again, counts.
  const retry = refused.find((o) => o.kind === "ballot") ?? refused[0];
  if (!retry) return;
  const again = await send(app.url, ws[retry.worker]!.cookie, retry.kind, bodyOf(retry.kind, targets, retry.worker), retry.worker);
  expect([200, 409]).toContain(again.status);
  expect(await stored(ws[retry.worker]!.accountId, retry.kind)).toBe(true);
}

/** PostgreSQL stopped, left down for 1.5 s while the burst goes on, and started again. */
function restart(mode: "fast" | "immediate") {
  return async () => {
    await cluster.stop(mode);
    await new Promise((r) => setTimeout(r, 1500));
    await cluster.start();
  };
}

describe("PostgreSQL restarts during a burst of writes", () => {
  it("synchronous_commit is on, so an acknowledged commit is on disk", () => {
    expect(cluster.psql("SHOW synchronous_commit").trim()).toBe("on");
    expect(cluster.psql("SHOW fsync").trim()).toBe("on");
  });

  it("fast shutdown and start: nothing acknowledged is lost, the outage is a 503 with Retry-After", async () => {
    await expectNothingLostAndClearRefusals(await burst(300, restart("fast")));
  });

  it("immediate shutdown (a crash) and start: the same", async () => {
    await expectNothingLostAndClearRefusals(await burst(300, restart("immediate")));
  });

  it("every connection dropped by pg_terminate_backend, twice: the same", async () => {
    let ended = 0;
    const result = await burst(300, async () => {
      for (let i = 0; i < 2; i++) {
        ended += Number(cluster.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()").trim());
        await new Promise((r) => setTimeout(r, 300));
      }
    });
    // The app's pool connections were really cut, during the burst.
    expect(ended).toBeGreaterThan(0);
    await expectNothingLostAndClearRefusals(result, false);
  });
});
