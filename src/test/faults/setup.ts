import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SECRETS } from "~/server/secret-files.js";

// Before any app module loads: the secrets the served app will also get, so this process can
// mint session cookies and read what the app wrote; and the rate limits off, as every request of
// these tests comes from 127.0.0.1 (limits are tested in Vitest and in the soak).
export const SERVER_SECRETS: Record<string, string> = Object.fromEntries(SECRETS.map((s) => [s.name, randomBytes(32).toString("base64url")]));
Object.assign(process.env, SERVER_SECRETS, {
  WV_DISABLE_RATE_LIMITS: "1",
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "wv-faults-data-")),
  SECRETS_DIR: mkdtempSync(path.join(tmpdir(), "wv-faults-secrets-")),
});
