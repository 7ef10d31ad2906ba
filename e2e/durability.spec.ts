import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { migrationSql } from "../src/test/migrations";
import { joinInput } from "./support/join-proof";

// PRIVACY.md P9: whatever got a success answer survives a crash of the app process. The app is
// killed with SIGKILL in the middle of a burst of writes; every write it acknowledged must be in
// the database when it is opened again. (No page is visited, so no axe check here.)
const root = path.resolve(import.meta.dirname, "..");

/** The committed migrations applied by a PGlite this test opens and closes cleanly itself. */
async function preparedDataDir() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "wv-crash-"));
  const db = new PGlite(path.join(dataDir, "pglite"));
  for (const sql of migrationSql()) await db.exec(sql);
  await db.close();
  return dataDir;
}

async function waitForHealth(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

test("accounts acknowledged before a crash are all there after it", async ({}, testInfo) => {
  test.setTimeout(180_000);
  // A port per attempt, so a retry never talks to a server left from a failed attempt.
  const port = 3299 - testInfo.retry;
  const dataDir = await preparedDataDir();
  const env = { ...process.env, DATA_DIR: dataDir, SECRETS_DIR: `${dataDir}-secrets`, DATABASE_URL: "", WV_DISABLE_RATE_LIMITS: "1", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://localhost:${port}` };
  const server: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
  const exited = new Promise((r) => server.once("exit", r));
  try {
    await waitForHealth(port);
    const acknowledged: string[] = [];
    let killed = false;
    const create = async () => {
      try {
        // Each account pays its proof of work, as the join page does (solved here in Node).
        const base = `http://127.0.0.1:${port}/api/trpc`;
        const res = await fetch(`${base}/accounts.create`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(await joinInput(base)) });
        if (res.ok) {
          const body = (await res.json()) as { result: { data: { json: { pseudonym: string } } } };
          acknowledged.push(body.result.data.json.pseudonym);
        }
      } catch {
        /* the connection died with the server: not acknowledged */
      }
      if (acknowledged.length >= 40 && !killed) {
        killed = true;
        server.kill("SIGKILL");
      }
    };
    // Waves of 8 concurrent writes until the kill lands mid-burst.
    for (let wave = 0; wave < 40 && !killed; wave++) await Promise.all(Array.from({ length: 8 }, create));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    await exited;

    const db = new PGlite(path.join(dataDir, "pglite"));
    try {
      const rows = await db.query<{ pseudonym: string }>(`SELECT pseudonym FROM "Account" WHERE pseudonym = ANY($1)`, [acknowledged]);
      expect(rows.rows.map((r) => r.pseudonym).sort()).toEqual([...acknowledged].sort());
    } finally {
      await db.close();
    }
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  }
});
