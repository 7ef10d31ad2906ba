import { buildIfNeeded, prisma, serve, tsx } from "./lib/run.mjs";
import { privateDataDir } from "../server/private-files.js";
import { checkSecretsConfig } from "../server/secret-files.js";

// `npm start`: build when needed, migrate, seed an empty database, then serve.
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
// Owner-only files for everything started from here, and a clear refusal before building when
// the secrets are not where they must be (serve.mjs runs in production mode).
privateDataDir();
checkSecretsConfig({ ...process.env, NODE_ENV: "production" });

await buildIfNeeded();
await prisma(["migrate", "deploy"]);
await tsx("src/scripts/seal-totp-secrets.ts");
await tsx("src/scripts/seal-worker-records.ts");
await tsx("src/scripts/rekey-legacy-accounts.ts");
await tsx("prisma/seed.ts", ["--if-empty"]);
console.log(`\nWorker Voice: http://localhost:${port}\n`);
await serve(["-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])]);
