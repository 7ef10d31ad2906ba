import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { startCluster, type Cluster } from "./cluster";
import { burstAndKill, expectEverythingAcknowledged, prepare } from "./crash";
import { serveApp, type ServedApp } from "./served-app";

// Issue 14 and PRIVACY.md P9: the production server on PostgreSQL, killed with SIGKILL in the
// middle of a burst of ballots, signatures, reports and new accounts. Started again, it has
// every write it acknowledged, as each worker sees it.

let cluster: Cluster | undefined;
let again: ServedApp | undefined;
afterAll(async () => {
  await again?.stop();
  await cluster?.destroy();
});

it("every acknowledged ballot, signature, report and account is there after a restart", async () => {
  cluster = await startCluster(25441);
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  process.env.DATABASE_URL = cluster.url;
  const { targets, ws } = await prepare(200);

  const first = await serveApp(3393, cluster.url);
  const { acknowledged, pseudonyms } = await burstAndKill(first, ws, targets, 150);

  again = await serveApp(3394, cluster.url);
  await expectEverythingAcknowledged(again, ws, targets, acknowledged);
  const quoted = pseudonyms.map((p) => `'${p.replace(/'/g, "''")}'`).join(",");
  const stored = pseudonyms.length === 0 ? 0 : Number(cluster.psql(`SELECT count(*) FROM "Account" WHERE pseudonym IN (${quoted})`).trim());
  expect(stored).toBe(pseudonyms.length);
});
