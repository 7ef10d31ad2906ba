import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { E2E_USER_AGENT } from "../../../playwright.config";

// PRIVACY.md P2, tested as the promise reads: after a whole end-to-end run, no table and no log
// line holds the browser's address or user agent.
const dataDir = path.resolve(import.meta.dirname, "..", "..", "..", ".e2e-data");
const ADDRESSES = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];
const MARKER = "privacy-canary-5b1e";

describe.skipIf(!existsSync(path.join(dataDir, "pglite")))("after the end-to-end run", () => {
  it("no table holds the client's IP address or user agent", async () => {
    const db = new PGlite(path.join(dataDir, "pglite"));
    try {
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.rows.length).toBeGreaterThan(3);
      let rowsSeen = 0;
      for (const { table_name } of tables.rows) {
        const dump = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
        rowsSeen += dump.rows.length;
        for (const { row } of dump.rows) {
          expect(row, `${table_name}`).not.toContain(MARKER);
          expect(row, `${table_name}`).not.toContain(E2E_USER_AGENT.slice(0, 40));
          for (const ip of ADDRESSES) expect(row.includes(ip), `${table_name} holds ${ip}`).toBe(false);
        }
      }
      expect(rowsSeen).toBeGreaterThan(300);
    } finally {
      await db.close();
    }
  });

  it("the server log holds neither", () => {
    const log = readFileSync(path.join(dataDir, "server.log"), "utf8");
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(MARKER);
    for (const ip of ADDRESSES) expect(log).not.toContain(ip);
  });
});
