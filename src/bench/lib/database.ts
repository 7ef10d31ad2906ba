import pg from "pg";

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh, empty PostgreSQL database for one benchmark; returns its URL. BENCH_DB_SUFFIX keeps
 * benchmarks run from several checkouts on one server from dropping each other's databases.
 */
export async function freshDatabase(base: string): Promise<string> {
  const name = `${base}${(process.env.BENCH_DB_SUFFIX ?? "").replace(/[^a-z0-9_]/gi, "")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The raw single-row insert rate of the same PostgreSQL, measured with 32 connections for
 * `seconds`: the yardstick that shows how much the app's own work costs per request.
 */
export async function rawInsertRate(databaseUrl: string, seconds = 5, connections = 32): Promise<number> {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query("DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (id bigserial PRIMARY KEY, a text NOT NULL, b int NOT NULL)");
  await setup.end();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  let count = 0;
  const stopAt = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < stopAt) {
        await pool.query("INSERT INTO bench_raw (a, b) VALUES ($1, $2)", ["x", count]);
        count++;
      }
    }),
  );
  await pool.query("DROP TABLE bench_raw");
  await pool.end();
  return count / seconds;
}
