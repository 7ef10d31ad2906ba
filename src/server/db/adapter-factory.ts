import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

// One schema, two drivers: a postgres:// URL selects a PostgreSQL server, anything else the
// embedded PGlite database in the data directory. Shared by the app and the Prisma CLI, so it
// must not import "server-only" or the validated env module.

export function isServerUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function pgliteDir(dataDir = process.env.DATA_DIR ?? "data") {
  return path.resolve(dataDir, "pglite");
}

/**
 * The driver adapter for Prisma and, on PostgreSQL, the connection pool behind it, which the
 * app's hot statements use directly (src/server/db.ts, hotQuery).
 */
export function createDriver(url: string | undefined, opts: { poolSize?: number; dataDir?: string } = {}) {
  if (isServerUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 20 });
    return { adapter: new PrismaPg(pool, { disposeExternalPool: true }), pool };
  }
  const dir = pgliteDir(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  openPglites.add(pglite);
  return { adapter: new PrismaPGlite(pglite), pool: null };
}

export function createAdapter(url: string | undefined, opts: { poolSize?: number; dataDir?: string } = {}) {
  return createDriver(url, opts).adapter;
}

/** Embedded databases opened by this process: closed on exit so their files are left clean. */
export const openPglites = new Set<PGlite>();

export async function closePglites() {
  for (const p of openPglites) await p.close().catch(() => undefined);
  openPglites.clear();
}
