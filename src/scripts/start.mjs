import { buildIfNeeded, prisma, serve, tsx } from "./lib/run.mjs";

// `npm start`: build when needed, migrate, seed an empty database, then serve.
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

await buildIfNeeded();
await prisma(["migrate", "deploy"]);
await tsx("src/scripts/seal-totp-secrets.ts");
await tsx("prisma/seed.ts", ["--if-empty"]);
console.log(`\nWorker Voice: http://localhost:${port}\n`);
await serve(["-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])]);
