import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";

type Secrets = { authSecret: string; nullifierKey: string; totpKey: string };

// Secrets given in the environment win; otherwise they are generated once into the data
// directory (mode 0600) so that a fresh `npm start` needs no configuration and restarts keep
// sessions and nullifiers stable.
function load(): Secrets {
  const file = path.resolve(env.DATA_DIR, "secrets.json");
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  } catch {
    stored = {};
  }
  const next: Secrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    nullifierKey: stored.nullifierKey ?? randomBytes(32).toString("base64url"),
    // Seals the staff's TOTP secrets (AES-256-GCM): a copy of the database alone cannot mint codes.
    totpKey: stored.totpKey ?? randomBytes(32).toString("base64url"),
  };
  if (!stored.authSecret || !stored.nullifierKey || !stored.totpKey) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(next), { mode: 0o600 });
  }
  return {
    authSecret: env.AUTH_SECRET ?? next.authSecret,
    nullifierKey: env.NULLIFIER_KEY ?? next.nullifierKey,
    totpKey: env.TOTP_KEY ?? next.totpKey,
  };
}

const globalForSecrets = globalThis as unknown as { wvSecrets?: Secrets };
export const secrets: Secrets = (globalForSecrets.wvSecrets ??= load());
