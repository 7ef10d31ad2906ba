import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter, isServerUrl } from "./src/server/db/adapter-factory";

type Adapter = ReturnType<typeof createAdapter>;

/**
 * The CLI asks for the adapter on every command, even `prisma -v` (which @prisma/client's
 * postinstall runs during `npm install`). Opening an existing PGlite data directory keeps the
 * process alive after the command is done, so the database is opened only when a command
 * actually connects.
 */
function lazyAdapter(url: string | undefined): Adapter {
  let real: Adapter | undefined;
  const open = () => (real ??= createAdapter(url, { poolSize: 2, timeouts: false }));
  return {
    provider: "postgres",
    adapterName: isServerUrl(url) ? "@prisma/adapter-pg" : "pglite-prisma-adapter",
    connect: () => open().connect(),
    connectToShadowDb: () => open().connectToShadowDb(),
  } as Adapter;
}

// The 6.19 CLI validates DATABASE_URL as a postgres URL even when a driver adapter is used, and
// silently falls back to the native engine (which cannot be downloaded here) when it is not one.
const configured = process.env.DATABASE_URL;
if (!isServerUrl(configured)) process.env.DATABASE_URL = "postgresql://localhost/unused";

export default defineConfig({
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  engine: "js",
  experimental: { adapter: true },
  // Migrations run through the WebAssembly schema engine over the same driver as the app.
  adapter: async () => lazyAdapter(configured),
});
