import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDown, ownerOnlyUmask } from "../private-files.js";

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
 * Issue 14: no request waits long on a database that is not there. A connection attempt gives
 * up after 3 s and a statement after 10 s (the slowest page query takes well under a second; a
 * migration or a script sets its own), and a transaction left idle is ended by the server, so a
 * restart or a dropped connection becomes a quick 503 "try again" (src/server/db/unavailable.ts)
 * instead of a hung request. Migrations go through the Prisma CLI, which builds its own pool.
 */
export const POOL_TIMEOUTS = {
  connectionTimeoutMillis: 3_000,
  statement_timeout: 10_000,
  query_timeout: 12_000,
  idle_in_transaction_session_timeout: 15_000,
} as const;

/** `timeouts: false` for the Prisma CLI, whose migrations may rightly run for minutes. */
type DriverOptions = { poolSize?: number; dataDir?: string; timeouts?: boolean };

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", even inside
 * comments and function bodies, so `prisma migrate deploy` fails on such migrations (the
 * embedded PGlite adapter runs them whole). PostgreSQL takes the whole script as one simple
 * query, which also applies a migration all or nothing. Only the Prisma CLI runs scripts.
 */
function wholeScripts(adapter: PgAdapter) {
  const inner = adapter as unknown as { client: Pool; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client.query(script);
    } catch (error) {
      inner.onError(error);
    }
  };
  return adapter;
}

class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

/**
 * The driver adapter for Prisma and, on PostgreSQL, the connection pool behind it, which the
 * app's hot statements use directly (src/server/db.ts, hotQuery).
 */
export function createDriver(url: string | undefined, opts: DriverOptions = {}) {
  if (isServerUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 20, ...(opts.timeouts === false ? {} : POOL_TIMEOUTS) });
    // A connection the server drops while idle in the pool (a restart, pg_terminate_backend) is
    // an 'error' event; unheard, it would crash the process. The pool discards the client and
    // opens a new one for the next query, which is the recovery.
    pool.on("error", () => undefined);
    return { adapter: new PrismaPgWholeScripts(pool, { disposeExternalPool: true }), pool };
  }
  const dir = pgliteDir(opts.dataDir);
  // Whichever process opens the embedded database (app, seed, Prisma CLI), its files are the
  // owner's only. PostgreSQL creates its files 0600, but PGlite lays out a new data directory
  // with mode 0666 whatever the umask, and older installs were left that way: the directory is
  // closed (0700) before PGlite starts and every file tightened once it is ready.
  ownerOnlyUmask();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  lockDown(path.dirname(dir));
  const pglite = new PGlite(dir);
  void pglite.waitReady.then(() => lockDown(path.dirname(dir)), () => undefined);
  openPglites.add(pglite);
  return { adapter: new PrismaPGlite(pglite), pool: null };
}

export function createAdapter(url: string | undefined, opts: DriverOptions = {}) {
  return createDriver(url, opts).adapter;
}

/** Embedded databases opened by this process: closed on exit so their files are left clean. */
export const openPglites = new Set<PGlite>();

export async function closePglites() {
  for (const p of openPglites) await p.close().catch(() => undefined);
  openPglites.clear();
}
