import "server-only";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Pool } from "pg";
import { env } from "~/env";
import { closePglites, createDriver } from "~/server/db/adapter-factory";
import { PrismaClient } from "~/server/db/generated/client";
import { readsFromReplica } from "~/server/db/replica-reads";

// One client per process, kept on globalThis so dev reloads and route bundles share it.
// PGlite allows a single process; several app instances need a PostgreSQL DATABASE_URL.
// `wvReplica`: the client and pool on DATABASE_REPLICA_URL, made at the first read that may use
// it (null: no replica set).
type Replica = { db: PrismaClient; pool: Pool | null };
const globalForDb = globalThis as unknown as { wvDb?: PrismaClient; wvPool?: Pool | null; wvReplica?: Replica | null };

// PostgreSQL connections per app process. More connections than the cores can run only queue
// inside PostgreSQL, where ballots and signatures then wait on each other's row locks: on the
// 2-core benchmark machine a pool of 20 cast ~450 ballots/s, a pool of 6 over 1,000/s. The
// default is the usual rule of thumb, twice the cores plus two (cores of this machine, which in
// the single-machine setup are also the database's).
const DEFAULT_POOL_SIZE = 2 * availableParallelism() + 2;

function createClient() {
  const { adapter, pool } = createDriver(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE ?? DEFAULT_POOL_SIZE, dataDir: env.DATA_DIR });
  globalForDb.wvPool = pool;
  return new PrismaClient({ adapter, log: ["error"] });
}

const primary: PrismaClient = (globalForDb.wvDb ??= createClient());

function replica(): Replica | null {
  if (globalForDb.wvReplica === undefined) {
    const url = env.DATABASE_REPLICA_URL;
    if (!url) return (globalForDb.wvReplica = null);
    const { adapter, pool } = createDriver(url, { poolSize: env.DB_POOL_SIZE ?? DEFAULT_POOL_SIZE });
    globalForDb.wvReplica = { db: new PrismaClient({ adapter, log: ["error"] }), pool };
  }
  return globalForDb.wvReplica;
}

/** The replica when the code running now may read from it (src/server/db/replica-reads.js) and one is set. */
const replicaNow = () => (readsFromReplica() ? replica() : null);

type Method = (...args: unknown[]) => unknown;
const bound = new WeakMap<PrismaClient, WeakMap<Method, Method>>();

/**
 * The database. Inside withReplicaReads (the page cache's anonymous renders, /api/v1) with
 * DATABASE_REPLICA_URL set, every query of `db` goes to the replica; everywhere else to the
 * primary. A replica is read-only: code that runs there only reads (CONTRIBUTING.md "Cached
 * public pages").
 */
export const db: PrismaClient = new Proxy(primary, {
  get(target, prop) {
    const client = replicaNow()?.db ?? target;
    const value = Reflect.get(client, prop, client) as unknown;
    if (typeof value !== "function") return value;
    // Methods are called on the client they came from, each bound once per client.
    let methods = bound.get(client);
    if (!methods) bound.set(client, (methods = new WeakMap()));
    let fn = methods.get(value as Method);
    if (!fn) methods.set(value as Method, (fn = (value as Method).bind(client)));
    return fn;
  },
});

const statementNames = new Map<string, string>();

/**
 * For the few statements every vote, signature, report or signed-in request runs. Prisma's raw
 * path costs 0.2-0.3 ms of CPU per call (the SQL and its parameters pass through the query
 * compiler), a fifth of a ballot's budget; on PostgreSQL these go straight to the pool Prisma
 * uses, as named statements that each connection prepares once, so the server stops parsing
 * and re-planning them. On the embedded database they go through Prisma. Results come back
 * with pg's default types: return ints, booleans, text and arrays of text (cast in SQL), not
 * dates or bigints, which the two drivers decode differently.
 */
export async function hotQuery<T>(text: string, values: unknown[]): Promise<T[]> {
  const pool = replicaNow()?.pool ?? globalForDb.wvPool;
  if (!pool) return db.$queryRawUnsafe<T[]>(text, ...values);
  let name = statementNames.get(text);
  if (!name) {
    name = `wv_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return (await pool.query({ name, text, values })).rows as T[];
}

/** hotQuery as a template tag: each interpolation becomes a parameter ($1, $2, ...). */
export function hotSql<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
  return hotQuery<T>(strings.reduce((text, part, i) => `${text}$${i}${part}`), values);
}
/** The primary PostgreSQL server's connection string, or undefined on the embedded database. */
export const primaryConnectionString = (): string | undefined => globalForDb.wvPool?.options.connectionString;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** For scripts: disconnect and close the embedded database so the process can exit. */
export async function closeDb() {
  await primary.$disconnect();
  await globalForDb.wvReplica?.db.$disconnect();
  await closePglites();
}
