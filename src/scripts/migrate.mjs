import { prisma, tsx } from "./lib/run.mjs";
import { privateDataDir } from "../server/private-files.js";

privateDataDir();

// Applies the committed migrations to the configured database (PGlite in ./data by default).
await prisma(["migrate", "deploy"]);
await tsx("src/scripts/seal-totp-secrets.ts");
await tsx("src/scripts/seal-worker-records.ts");
await tsx("src/scripts/rekey-legacy-accounts.ts");
