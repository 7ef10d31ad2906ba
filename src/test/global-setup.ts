import pg from "pg";
import { migrationSql } from "./migrations";

// With TEST_DATABASE_URL the suite runs against a PostgreSQL server: the schema is rebuilt once
// from the committed migrations. Without it every test file gets its own in-memory PGlite.
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    for (const sql of migrationSql()) await client.query(sql);
  } finally {
    await client.end();
  }
}
