import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll } from "vitest";
import { PrismaClient } from "~/server/db/generated/client";
import { createDriver } from "~/server/db/adapter-factory";
import { markEdgeActive } from "~/lib/client-address";
import { closeSessionEvents } from "~/server/cluster/session-events";
import { migrationSql } from "./migrations";

// Runs in each test worker before the test file is imported: puts a real database behind the
// app's `db` (src/server/db.ts reuses the client it finds on globalThis).
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "wv-test-"));
process.env.SECRETS_DIR = mkdtempSync(path.join(tmpdir(), "wv-test-secrets-"));
process.env.WV_DISABLE_RATE_LIMITS ??= "1";
// On PostgreSQL every test file shares one database, so a sweep in one file reads the sealed
// profiles that other files' workers wrote: they must all seal with one key.
process.env.PROFILE_KEY ??= "wv-test-profile-key-shared-by-every-test-worker";
// Handlers are called without src/scripts/serve.mjs: requests carry the one X-Forwarded-For
// value that edge would leave (factories' callerFor), so the app may believe it.
markEdgeActive();

const g = globalThis as unknown as { wvDb?: PrismaClient; wvPool?: unknown };
const url = process.env.TEST_DATABASE_URL;
let pglite: PGlite | undefined;

if (url) {
  // As the app connects (hot statements straight to the pool), with a smaller pool.
  const { adapter, pool } = createDriver(url, { poolSize: 10 });
  g.wvPool = pool;
  g.wvDb = new PrismaClient({ adapter });
} else {
  pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  g.wvDb = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

afterAll(async () => {
  await closeSessionEvents();
  await g.wvDb?.$disconnect();
  await pglite?.close();
});
