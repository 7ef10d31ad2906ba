import "server-only";
import { env } from "~/env";
import { closePglites, createAdapter } from "~/server/db/adapter-factory";
import { PrismaClient } from "~/server/db/generated/client";

// One client per process, kept on globalThis so dev reloads and route bundles share it.
// PGlite allows a single process; several app instances need a PostgreSQL DATABASE_URL.
const globalForDb = globalThis as unknown as { wvDb?: PrismaClient };

function createClient() {
  const adapter = createAdapter(env.DATABASE_URL, { poolSize: env.DB_POOL_SIZE, dataDir: env.DATA_DIR });
  return new PrismaClient({ adapter, log: ["error"] });
}

export const db: PrismaClient = (globalForDb.wvDb ??= createClient());
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** For scripts: disconnect and close the embedded database so the process can exit. */
export async function closeDb() {
  await db.$disconnect();
  await closePglites();
}
