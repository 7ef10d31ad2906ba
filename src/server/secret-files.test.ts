import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePglites, createDriver, openPglites } from "~/server/db/adapter-factory";
import { loadSecrets, SECRETS } from "~/server/secret-files";

// PRIVACY.md P3: the secrets never sit beside the data, and nothing the app writes is readable
// by other users, whatever umask it was started with (these tests start with 0o000).
let root: string;
let savedUmask: number;
const mode = (p: string) => statSync(p).mode & 0o777;
const embedded = (over: Record<string, string> = {}) => ({ NODE_ENV: "production", DATA_DIR: path.join(root, "data"), SECRETS_DIR: path.join(root, "secrets"), ...over });
const PG = "postgresql://wv@127.0.0.1:5432/wv";
const fullEnv = Object.fromEntries(SECRETS.map((s) => [s.name, `${s.name.toLowerCase()}-from-the-environment-0123456789`]));

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "wv-secrets-"));
  savedUmask = process.umask(0o000);
});
afterEach(() => {
  process.umask(savedUmask);
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? [p, ...walk(p)] : [p];
  });
}

describe("generated secrets (embedded mode)", () => {
  it("go into their own directory, 0700, in a file 0600, outside DATA_DIR, and stay stable", () => {
    const env = embedded();
    const first = loadSecrets(env);
    for (const s of SECRETS) expect(first[s.key]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(env.SECRETS_DIR)).toBe(0o700);
    expect(mode(path.join(env.SECRETS_DIR, "secrets.json"))).toBe(0o600);
    expect(existsSync(path.join(env.DATA_DIR, "secrets.json"))).toBe(false);
    expect(loadSecrets(env)).toEqual(first);
  });

  it("are refused inside DATA_DIR, or as DATA_DIR itself", () => {
    for (const secretsDir of [path.join(root, "data", "keys"), path.join(root, "data")]) {
      expect(() => loadSecrets(embedded({ SECRETS_DIR: secretsDir }))).toThrow(/SECRETS_DIR .* inside DATA_DIR/);
      expect(existsSync(path.join(secretsDir, "secrets.json"))).toBe(false);
    }
    // A sibling whose name merely starts like the data directory is fine.
    expect(() => loadSecrets(embedded({ SECRETS_DIR: path.join(root, "data-secrets") }))).not.toThrow();
  });

  it("move an existing data/secrets.json out of the data directory, keeping its values", () => {
    const env = embedded();
    mkdirSync(env.DATA_DIR, { recursive: true });
    const old = { authSecret: "a".repeat(43), nullifierKey: "n".repeat(43) };
    writeFileSync(path.join(env.DATA_DIR, "secrets.json"), JSON.stringify(old), { mode: 0o644 });
    expect(loadSecrets(env)).toMatchObject(old);
    expect(existsSync(path.join(env.DATA_DIR, "secrets.json"))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(env.SECRETS_DIR, "secrets.json"), "utf8"))).toMatchObject(old);
    expect(mode(path.join(env.SECRETS_DIR, "secrets.json"))).toBe(0o600);
  });

  it("complete a file that lacks a newer secret without changing the others", () => {
    const env = embedded();
    mkdirSync(env.SECRETS_DIR, { recursive: true });
    writeFileSync(path.join(env.SECRETS_DIR, "secrets.json"), JSON.stringify({ nullifierKey: "k".repeat(43) }));
    const loaded = loadSecrets(env);
    expect(loaded.nullifierKey).toBe("k".repeat(43));
    expect(loaded.authSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loadSecrets(env)).toEqual(loaded);
  });

  it("give way to the environment", () => {
    const env = embedded(fullEnv);
    expect(loadSecrets(env)).toEqual(Object.fromEntries(SECRETS.map((s) => [s.key, fullEnv[s.name]])));
    expect(existsSync(env.SECRETS_DIR)).toBe(false);
  });
});

describe("PostgreSQL in production", () => {
  it("refuses to start unless every secret comes from the environment, and writes no file", () => {
    expect(() => loadSecrets(embedded({ DATABASE_URL: PG }))).toThrow(/Refusing to start: with PostgreSQL in production, AUTH_SECRET, NULLIFIER_KEY, TOTP_KEY, TOKEN_KEY and PROFILE_KEY must be set/);
    for (const missing of SECRETS) {
      const env = embedded({ ...fullEnv, DATABASE_URL: PG });
      delete (env as Record<string, string>)[missing.name];
      expect(() => loadSecrets(env)).toThrow(new RegExp(`${missing.name} must be set`));
    }
    expect(existsSync(path.join(root, "secrets"))).toBe(false);
    expect(loadSecrets(embedded({ ...fullEnv, DATABASE_URL: PG })).nullifierKey).toBe(fullEnv.NULLIFIER_KEY);
    // Development and tests on PostgreSQL may still generate them.
    expect(() => loadSecrets(embedded({ NODE_ENV: "development", DATABASE_URL: PG }))).not.toThrow();
  });
});

describe("the embedded database's files", () => {
  it("are owner-only after start, those an older install left readable included", async () => {
    const dataDir = path.join(root, "data");
    const pgdir = path.join(dataDir, "pglite");
    mkdirSync(path.join(dataDir, "old"), { recursive: true, mode: 0o777 });
    writeFileSync(path.join(dataDir, "old", "left-over"), "x", { mode: 0o666 });
    chmodSync(dataDir, 0o777);

    createDriver(undefined, { dataDir });
    const pglite = [...openPglites].at(-1)!;
    await pglite.waitReady;
    // Writes after start: new relation files and WAL.
    await pglite.exec("CREATE TABLE t (x int); INSERT INTO t SELECT generate_series(1, 10000); CHECKPOINT");
    await closePglites();

    const entries = [dataDir, ...walk(dataDir)];
    expect(entries.some((p) => p.includes(`${path.sep}pg_wal${path.sep}`))).toBe(true);
    expect(walk(pgdir).length).toBeGreaterThan(100);
    expect(entries.filter((p) => (mode(p) & 0o077) !== 0)).toEqual([]);
  });
});
