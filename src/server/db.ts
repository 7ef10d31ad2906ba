import "server-only";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Pool } from "pg";
import { env } from "~/env";
import { closePglites, createDriver } from "~/server/db/adapter-factory";
import { PrismaClient } from "~/server/db/generated/client";

// One client per process, kept on globalThis so dev reloads and route bundles share it.
// PGlite allows a single process; several app instances need a PostgreSQL DATABASE_URL.
const globalForDb = globalThis as unknown as { wvDb?: PrismaClient; wvPool?: Pool | null };

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

export const db: PrismaClient = (globalForDb.wvDb ??= createClient());

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
  const pool = globalForDb.wvPool;
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
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** For scripts: disconnect and close the embedded database so the process can exit. */
export async function closeDb() {
  await db.$disconnect();
  await closePglites();
}
