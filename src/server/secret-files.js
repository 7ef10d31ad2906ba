import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

// The server's secrets (PRIVACY.md P3: never stored beside the data). From the environment when
// set; in embedded mode, otherwise generated once into SECRETS_DIR (default `.secrets/` in the
// project), a directory of its own (0700, file 0600) that may not lie inside DATA_DIR, so a copy
// of the data directory or a dump never carries the key that recomputes every nullifier. With
// PostgreSQL in production they must come from the environment. Plain JavaScript, so that
// serve.mjs can refuse to start before Next loads.

/** Every server secret: a new one is added here and is then covered by every rule below. */
export const SECRETS = /** @type {const} */ ([
  { name: "AUTH_SECRET", key: "authSecret" },
  { name: "NULLIFIER_KEY", key: "nullifierKey" },
  // Seals the staff's TOTP secrets (AES-256-GCM): a copy of the database alone cannot mint codes.
  { name: "TOTP_KEY", key: "totpKey" },
  // Seals each verified-only campaign's blind-signing key (src/features/tokens/key-seal.ts): a
  // copy of the database alone cannot issue ballot tokens.
  { name: "TOKEN_KEY", key: "tokenKey" },
  // Seals workers' profiles on Account (AES-256-GCM): a dump cannot join an act's breakdown
  // columns back to the account that shares them.
  { name: "PROFILE_KEY", key: "profileKey" },
]);
const FILE = "secrets.json";

/** @typedef {Record<(typeof SECRETS)[number]["key"], string>} Secrets */
/** @typedef {Record<string, string | undefined>} Env */

const isServerUrl = (/** @type {string | undefined} */ url) => !!url && /^postgres(ql)?:\/\//.test(url);

/** @param {Env} env */
export function secretsDirOf(env) {
  return path.resolve(env.SECRETS_DIR || ".secrets");
}

/** True when `inner` is `outer` or lies below it. */
function isWithin(/** @type {string} */ inner, /** @type {string} */ outer) {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Refuses the configurations that would put the secrets beside the data. @param {Env} env */
export function checkSecretsConfig(env) {
  if (env.NODE_ENV === "production" && isServerUrl(env.DATABASE_URL)) {
    const missing = SECRETS.filter((s) => !env[s.name]).map((s) => s.name);
    if (missing.length > 0) {
      throw new Error(
        `Refusing to start: with PostgreSQL in production, ${missing.length > 1 ? `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}` : missing[0]} must be set in the environment ` +
          `(not generated into a file on this server). Generate each with \`openssl rand -base64 32\`, keep them ` +
          `apart from database backups, and never change NULLIFIER_KEY once in use (README: "What to back up").`,
      );
    }
  }
  const dataDir = path.resolve(env.DATA_DIR || "data");
  const secretsDir = secretsDirOf(env);
  if (isWithin(secretsDir, dataDir)) {
    throw new Error(`Refusing to start: SECRETS_DIR (${secretsDir}) lies inside DATA_DIR (${dataDir}); a copy of the data would carry the secrets. Choose a directory outside it.`);
  }
  return { dataDir, secretsDir };
}

/** @param {string} file @returns {Partial<Secrets> | null} */
function readStored(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return null;
    throw new Error(`Cannot read ${file}: ${String(error)}`);
  }
}

/** Installs made before SECRETS_DIR kept the file in DATA_DIR: move it, keeping every nullifier. */
function adoptLegacyFile(/** @type {string} */ dataDir, /** @type {string} */ file) {
  const legacy = path.join(dataDir, FILE);
  if (existsSync(file) || !existsSync(legacy)) return;
  try {
    renameSync(legacy, file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EXDEV") throw error;
    copyFileSync(legacy, file);
    unlinkSync(legacy);
  }
  console.log(`[secrets] moved ${legacy} to ${file} (secrets are kept apart from the data)`);
}

/** The secrets, from the environment or the secrets file (made or completed as needed). @param {Env} env @returns {Secrets} */
export function loadSecrets(env = process.env) {
  const { dataDir, secretsDir } = checkSecretsConfig(env);
  const fromEnv = Object.fromEntries(SECRETS.filter((s) => env[s.name]).map((s) => [s.key, env[s.name]]));
  if (SECRETS.every((s) => env[s.name])) return /** @type {Secrets} */ (fromEnv);

  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(secretsDir, 0o700);
  const file = path.join(secretsDir, FILE);
  adoptLegacyFile(dataDir, file);
  let stored = readStored(file);
  const missing = SECRETS.filter((s) => !stored?.[s.key]);
  if (missing.length > 0) {
    const next = { ...stored, ...Object.fromEntries(missing.map((s) => [s.key, randomBytes(32).toString("base64url")])) };
    try {
      // A new file is created exclusively: of two processes starting at once, the first wins and
      // the other reads what it wrote. An existing one gains the new keys through a rename.
      if (stored) {
        writeFileSync(`${file}.tmp`, JSON.stringify(next), { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
      } else writeFileSync(file, JSON.stringify(next), { mode: 0o600, flag: "wx" });
      stored = next;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      stored = readStored(file);
    }
  }
  chmodSync(file, 0o600);
  return /** @type {Secrets} */ ({ ...stored, ...fromEnv });
}
