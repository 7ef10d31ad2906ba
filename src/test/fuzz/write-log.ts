import { db } from "~/server/db";

// "Nothing stored by a refused call", checked soundly and cheaply: a row trigger on every table
// logs each inserted, updated or deleted row into wv_fuzz_writes, in the writer's own
// transaction, so a write that was rolled back leaves no log row either. Only this process's
// connections log (by application_name), so other test files writing to a shared PostgreSQL
// database in parallel are not mistaken for ours.

const APP = `wv-fuzz-${process.pid}`;
// node-postgres reads PGAPPNAME when the pool opens a connection, which it does lazily, after
// this module has run; PGlite has one connection, named with SET below.
process.env.PGAPPNAME = APP;
const TRIGGER = `wv_fuzz_${process.pid}`;

async function tables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ t: string }[]>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'wv_fuzz_writes')`,
  );
  return rows.map((r) => r.t);
}

export async function installWriteLog() {
  if (!process.env.TEST_DATABASE_URL) await db.$executeRawUnsafe(`SET application_name = '${APP}'`);
  const [row] = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT current_setting('application_name') AS name`);
  const name = row?.name;
  if (name !== APP) throw new Error(`write log: connection is named ${name}, not ${APP}`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS wv_fuzz_writes (app text NOT NULL, tbl text NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION wv_fuzz_log() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('application_name') LIKE 'wv-fuzz-%' THEN
        INSERT INTO wv_fuzz_writes VALUES (current_setting('application_name'), TG_TABLE_NAME);
      END IF;
      RETURN NULL;
    END $$`);
  for (const t of await tables()) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION wv_fuzz_log()`);
  }
}

export async function removeWriteLog() {
  for (const t of await tables()) await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "${t}"`);
  await db.$executeRawUnsafe(`DELETE FROM wv_fuzz_writes WHERE app = '${APP}'`);
}

/** Forgets what earlier calls wrote; call before each call whose writes are to be checked. */
export async function resetWriteLog() {
  await db.$executeRawUnsafe(`DELETE FROM wv_fuzz_writes WHERE app = '${APP}'`);
}

/** The tables written since the last reset, one entry per row written. */
export async function writesSinceReset(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ tbl: string }[]>(`SELECT tbl FROM wv_fuzz_writes WHERE app = '${APP}'`);
  return rows.map((r) => r.tbl);
}
