import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIfNeeded, prisma, root, tsx } from "./lib/run.mjs";

// The app as `npm start` serves it, on a fresh embedded database in .e2e-data. Its output is
// also written to .e2e-data/server.log, which the privacy scan greps after the run.
const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.join(root, ".e2e-data");
// Secrets apart from the data, as in a real install (a SECRETS_DIR inside DATA_DIR is refused).
const secretsDir = path.join(root, ".e2e-secrets");
for (const dir of [dataDir, secretsDir]) rmSync(dir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const env = {
  DATA_DIR: dataDir,
  SECRETS_DIR: secretsDir,
  DATABASE_URL: "",
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
