import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
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
 * Hot raw statements whose SQL text starts with this comment are prepared once per connection
 * and then only executed: PostgreSQL skips parsing them and, once it settles on a generic plan,
 * planning them (half a millisecond of server CPU for the ballot statement). Opt-in, so the
 * set of prepared statements stays small and fixed; the marker must be literal text at the
 * start of the template (an interpolation would become a parameter).
 */
export const PREPARED_MARKER = "/* prepared */";
const statementNames = new Map<string, string>();
function statementName(query: { sql: string }): string {
  if (!query.sql.startsWith(PREPARED_MARKER)) return undefined as unknown as string;
  let name = statementNames.get(query.sql);
  if (!name) {
    name = `wv_${createHash("sha256").update(query.sql).digest("hex").slice(0, 24)}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

export function createAdapter(url: string | undefined, opts: { poolSize?: number; dataDir?: string } = {}) {
  if (isServerUrl(url)) return new PrismaPg({ connectionString: url, max: opts.poolSize ?? 20 }, { statementNameGenerator: statementName });
  const dir = pgliteDir(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  openPglites.add(pglite);
  return new PrismaPGlite(pglite);
}

/** Embedded databases opened by this process: closed on exit so their files are left clean. */
export const openPglites = new Set<PGlite>();

export async function closePglites() {
  for (const p of openPglites) await p.close().catch(() => undefined);
  openPglites.clear();
}
