import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate, pointAtDatabase } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, median, percentile, printFigure } from "./lib/machine";

// What the storage model costs (issue 11): the hourly shuffle of account-linked rows (one
// rewrite in random order plus VACUUM FULL) on N accounts with a session, two follows and four
// notices each, and how long a signed-in request's session lookup waits while it runs; then
// re-keying N accounts made with cuid v1 ids, once after migrating.

const N = Number(process.env.BENCH_STORAGE_ACCOUNTS ?? 100_000);

const databaseUrl = await freshDatabase("wv_bench_storage");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
const { shuffleAccountLinkedRows, rekeyLegacyAccounts } = await import("~/features/storage/mutations");
const { closeDb } = await import("~/server/db");

const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();
// Account ids as cuid v1 made them ("c" + 24 base-36 characters), so the re-keying has work to do.
await sql.query(`
  INSERT INTO "Union" (id, slug, "nameZh", "nameEn") VALUES ('u', 'u', '工会', 'Union');
  INSERT INTO "Campaign" (id, "unionId", title, description, "proposingFrom", "votingFrom", "closesOn")
    SELECT 'c' || g, 'u', 't', 'd', '2026-01-01', '2026-02-01', '2026-03-01' FROM generate_series(1, 20) g;
  INSERT INTO "Account" (id, role, pseudonym, "keyLookup", "secretHash", city)
    SELECT 'c' || lpad(to_hex(g), 24, '0'), 'WORKER', 'W-' || g, 'k-' || g, 'h', 'shenzhen' FROM generate_series(1, ${N}) g;
  INSERT INTO "Session" ("idHash", "accountId", "expiresOn") SELECT 's' || g, 'c' || lpad(to_hex(g), 24, '0'), wv_today() + 30 FROM generate_series(1, ${N}) g;
  INSERT INTO "CampaignFollow" ("campaignId", "accountId") SELECT 'c' || (1 + g % 20), 'c' || lpad(to_hex(g), 24, '0') FROM generate_series(1, ${N}) g;
  INSERT INTO "CampaignFollow" ("campaignId", "accountId") SELECT 'c' || (1 + (g + 7) % 20), 'c' || lpad(to_hex(g), 24, '0') FROM generate_series(1, ${N}) g;
  INSERT INTO "Notification" (id, "accountId", kind, "campaignId") SELECT wv_random_id(), 'c' || lpad(to_hex(1 + g % ${N}), 24, '0'), 'VOTING_OPEN', 'c' || (1 + g % 20) FROM generate_series(1, ${4 * N}) g;
  ANALYZE;
`);

console.log(machineLine());
let t = performance.now();
const rekeyed = await rekeyLegacyAccounts();
printFigure(`re-keying ${rekeyed.toLocaleString("en")} cuid accounts (once)`, `${((performance.now() - t) / 1000).toFixed(1)} s`);

// A session lookup every 20 ms during each shuffle, as signed-in requests would make them.
const lookups: number[] = [];
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  let running = true;
  const probe = (async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    while (running) {
      const s = performance.now();
      await c.query(`SELECT a.id FROM "Session" s JOIN "Account" a ON a.id = s."accountId" WHERE s."idHash" = $1`, [`s${1 + Math.floor(Math.random() * N)}`]);
      lookups.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.end();
  })();
  t = performance.now();
  const done = await shuffleAccountLinkedRows();
  runs.push(performance.now() - t);
  running = false;
  await probe;
  if (i === 0) printFigure("account-linked rows rewritten per shuffle", `${done!.rows.toLocaleString("en")} in ${done!.tables.length} tables`);
}
printFigure("shuffle incl. VACUUM FULL, median of 3", `${(median(runs) / 1000).toFixed(1)} s`);
printFigure("session lookup during the shuffles, p50 / p99 / max", `${percentile(lookups, 50).toFixed(1)} / ${percentile(lookups, 99).toFixed(0)} / ${Math.max(...lookups).toFixed(0)} ms`);

await sql.end();
await closeDb();
