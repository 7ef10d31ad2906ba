import "server-only";
import { env } from "~/env";
import { loadSecrets } from "~/server/secret-files";

type Secrets = { authSecret: string; nullifierKey: string; totpKey: string; tokenKey: string; profileKey: string };

// Where the secrets come from and why they never sit in DATA_DIR: src/server/secret-files.js.
// The validated env decides (DATA_DIR and NODE_ENV defaults included), loaded once per process.
function load(): Secrets {
  return loadSecrets({ ...process.env, NODE_ENV: env.NODE_ENV, DATABASE_URL: env.DATABASE_URL, DATA_DIR: env.DATA_DIR, SECRETS_DIR: env.SECRETS_DIR });
}

const globalForSecrets = globalThis as unknown as { wvSecrets?: Secrets };
export const secrets: Secrets = (globalForSecrets.wvSecrets ??= load());
