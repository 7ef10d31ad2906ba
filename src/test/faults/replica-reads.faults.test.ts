import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { startCluster, type Cluster } from "./cluster";
import { serveApp, type ServedApp } from "./served-app";

// Issue 15, read replicas, through the production server: with DATABASE_REPLICA_URL set, the
// page cache's anonymous renders and the open data (/api/v1) read the replica, and a worker's own
// writes and reads stay on the primary. The "replica" is a second URL to the same database that
// names itself (application_name) and, like a hot standby, refuses writes
// (default_transaction_read_only): a write routed there would fail, and the reads it served
// show in pg_stat_activity.

let cluster: Cluster;
let app: ServedApp | undefined;
let petitionId: string;
let cookie: string;

beforeAll(async () => {
  cluster = await startCluster(25443);
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: cluster.url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  process.env.DATABASE_URL = cluster.url;
  const { targets, signedInWorkers } = await import("./fixtures");
  petitionId = (await targets()).petitionId;
  cookie = (await signedInWorkers(1))[0]!.cookie;
  const replica = new URL(cluster.url);
  replica.searchParams.set("application_name", "wv_replica");
  replica.searchParams.set("options", "-c default_transaction_read_only=on");
  app = await serveApp(3383, cluster.url, { DATABASE_REPLICA_URL: replica.toString() });
});
afterAll(async () => {
  await app?.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
  await cluster?.destroy();
});

/** The last statement of each of the app's replica connections, of those run since `since`. */
const replicaStatements = (since = "-infinity") =>
  cluster
    .psql(`SELECT query FROM pg_stat_activity WHERE application_name = 'wv_replica' AND query_start > '${since}'::timestamptz`)
    .split("\n")
    .filter(Boolean);
const databaseNow = () => cluster.psql("SELECT now()").trim();

describe("a read replica", () => {
  it("is not read by the health check or before any public read", () => {
    expect(replicaStatements()).toEqual([]);
  });

  it("serves the page cache's anonymous render of a petition", async () => {
    const since = databaseNow();
    const res = await fetch(`${app!.url}/petitions/${petitionId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-cache")).toBe("MISS");
    expect(replicaStatements(since).join("\n")).toMatch(/"Petition"/);
  });

  it("serves the open data", async () => {
    const since = databaseNow();
    const res = await fetch(`${app!.url}/api/v1/petitions`);
    expect(res.status).toBe(200);
    expect(replicaStatements(since).length).toBeGreaterThan(0);
  });

  it("is never where a worker's signature or their own reads go (it refuses writes, and these succeed)", async () => {
    const headers = { cookie, "content-type": "application/json" };
    const signed = await fetch(`${app!.url}/api/signatures`, { method: "POST", headers, body: JSON.stringify({ petitionId }) });
    expect(signed.status).toBe(200);
    const mine = await fetch(`${app!.url}/api/me/page?path=${encodeURIComponent(`/petitions/${petitionId}`)}`, { headers: { cookie } });
    expect(mine.status).toBe(200);
    // Read-your-writes: the worker's own signature, read right after from the primary.
    expect(((await mine.json()) as { petition: { signedOn: string | null } }).petition.signedOn).not.toBeNull();
    expect(cluster.psql(`SELECT count(*) FROM "PetitionSignature" WHERE "petitionId" = '${petitionId}'`).trim()).toBe("1");
    for (const statement of replicaStatements()) expect(statement).not.toMatch(/^\s*(INSERT|UPDATE|DELETE)/i);
  });
});
