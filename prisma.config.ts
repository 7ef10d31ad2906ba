import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter, isServerUrl } from "./src/server/db/adapter-factory";

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
  adapter: async () => createAdapter(configured, { poolSize: 2 }),
});
