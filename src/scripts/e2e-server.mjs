import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";
import { SECRETS } from "../server/secret-files.js";
import { buildIfNeeded, prisma, root, tsx } from "./lib/run.mjs";

// The app as `npm start` serves it, on a fresh embedded database in .e2e-data, or, when
// E2E_DATABASE_URL is set (npm test does so on PostgreSQL, src/scripts/test.mjs), on that
// PostgreSQL database, dropped and created again first. Its output is also written to
// .e2e-data/server.log, which the privacy scan greps after the run.
const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.join(root, ".e2e-data");
// Secrets apart from the data, as in a real install (a SECRETS_DIR inside DATA_DIR is refused).
const secretsDir = path.join(root, ".e2e-secrets");
for (const dir of [dataDir, secretsDir]) rmSync(dir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";

/** Drops and creates the end-to-end database, connected to the server's `postgres` database. */
async function freshDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`e2e-server: refusing the database name ${JSON.stringify(name)}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
if (databaseUrl) await freshDatabase(databaseUrl);

const env = {
  DATA_DIR: dataDir,
  SECRETS_DIR: secretsDir,
  DATABASE_URL: databaseUrl,
  // With PostgreSQL in production the secrets come from the environment (src/server/secret-files.js).
  ...(databaseUrl ? Object.fromEntries(SECRETS.map((s) => [s.name, randomBytes(32).toString("base64")])) : {}),
  NEXTAUTH_URL: `http://localhost:${port}`,
  // Every browser in the suite shares 127.0.0.1; per-address limits are tested in Vitest instead.
  WV_DISABLE_RATE_LIMITS: "1",
};
Object.assign(process.env, env);

await buildIfNeeded();
await prisma(["migrate", "deploy"], env);
await tsx("src/scripts/seal-totp-secrets.ts", [], env);
await tsx("src/scripts/seal-worker-records.ts", [], env);
await tsx("src/scripts/rekey-legacy-accounts.ts", [], env);
await tsx("prisma/seed.ts", [], env);
// Published submissions for the answers journey (until publishing runs through the organiser's pages).
await tsx("src/test/e2e-submissions.ts", [], env);

const log = createWriteStream(path.join(dataDir, "server.log"));
const server = spawn(process.execPath, [path.join(root, "src", "scripts", "serve.mjs"), "-p", port], {
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [server.stdout, server.stderr]) {
  stream.on("data", (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
