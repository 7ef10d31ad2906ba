import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { burstAndKill, expectEverythingAcknowledged, prepare } from "./crash";
import { serveApp, type ServedApp } from "./served-app";

// Issue 14 and PRIVACY.md P9: the production server (serve.mjs, as `npm start` runs it) on the
// embedded database, killed with SIGKILL in the middle of a burst of ballots, signatures,
// reports and new accounts. Started again on the same data directory, it has every write it
// acknowledged, as each worker sees it (their ballot, signature, reports).

let again: ServedApp | undefined;
afterAll(() => again?.stop());

it("every acknowledged ballot, signature, report and account is there after a restart", async () => {
  const dataDir = process.env.DATA_DIR!;
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  for (const sql of migrationSql()) await pglite.exec(sql);
  await pglite.close();
  const { targets, ws } = await prepare(200);

  const first = await serveApp(3391, "");
  const { acknowledged, pseudonyms } = await burstAndKill(first, ws, targets, 150);

  again = await serveApp(3392, "");
  await expectEverythingAcknowledged(again, ws, targets, acknowledged);
  await again.stop();
  const db = new PGlite(path.join(dataDir, "pglite"));
  const rows = await db.query<{ pseudonym: string }>(`SELECT pseudonym FROM "Account" WHERE pseudonym = ANY($1)`, [pseudonyms]);
  await db.close();
  expect(rows.rows.map((r) => r.pseudonym).sort()).toEqual([...pseudonyms].sort());
});
