import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Browser } from "@playwright/test";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../src/server/db/generated/client";
import { migrationSql } from "../src/test/migrations";
import { addVerdicts, answer, makeAwaitingPetition, makePlatformRow, makeSubmission, type Named } from "../src/test/opendata-factories";
import { expect, expectAccessible, test } from "./support/fixtures";

// A worker on a phone opens a platform's public record. Published submissions and answers come
// from features built in parallel, so this spec writes them with the test factory into an
// embedded database of its own and serves the built app on it (PGlite allows one process, so
// the shared e2e server's database cannot be written from here).
const root = path.resolve(import.meta.dirname, "..");

type World = { platform: Named; answered: string; overdue: string; digest: string; petitionTitle: string };

async function prepare(dataDir: string): Promise<World> {
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  for (const sql of migrationSql()) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    const platform = await makePlatformRow(db, { nameZh: "闪送骑士", nameEn: "Dash Riders" });
    const answered = await makeSubmission(db, { platforms: [platform], publishedOn: "2026-01-05", items: 2, campaignTitle: "2026 骑手休息日协商" });
    const party = answered.parties[platform.id]!;
    const accepted = await answer(db, { itemId: answered.items[0]!.id, partyId: party, status: "ACCEPTED", dueOn: "2026-03-01", answeredOn: "2026-01-15" });
    await addVerdicts(db, accepted, { YES: 5, PARTLY: 1 });
    await answer(db, { itemId: answered.items[1]!.id, partyId: party, status: "REJECTED", answeredOn: "2026-01-15" });
    const overdue = await makeSubmission(db, { platforms: [platform], publishedOn: "2026-02-01", items: 1, campaignTitle: "Night safety round" });
    const petitionTitle = "等餐时间应当计酬";
    await makeAwaitingPetition(db, platform, 7, petitionTitle);
    return { platform, answered: answered.submissionId, overdue: overdue.submissionId, digest: answered.versions[0]!.digest, petitionTitle };
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function phone(browser: Browser, base: string) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, locale: "zh-CN", userAgent: test.info().project.use.userAgent });
  return context.newPage();
}

test.describe("platform record", () => {
  let server: ChildProcess;
  let dataDir: string;
  let base: string;
  let world: World;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "wv-record-"));
    world = await prepare(dataDir);
    const port = await freePort();
    base = `http://localhost:${port}`;
    const env = { ...process.env, DATA_DIR: dataDir, SECRETS_DIR: `${dataDir}-secrets`, DATABASE_URL: "", WV_DISABLE_RATE_LIMITS: "1", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: base };
    server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
    await waitForHealth(base);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (dataDir) for (const dir of [dataDir, `${dataDir}-secrets`]) rmSync(dir, { recursive: true, force: true });
  });

  test("a worker on a phone reads a platform's record, in Chinese and English", async ({ browser }) => {
    const page = await phone(browser, base);
    const response = await page.goto(`/platforms/${world.platform.slug}`);
    // Pages keep the strict policy; only the open-data API is exempt.
    expect(response!.headers()["cache-control"]).toContain("no-store");
    expect(response!.headers()["content-security-policy"]).toContain("nonce-");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("闪送骑士 的公开记录");
    const responses = page.getByTestId("responses");
    await expect(responses).toContainText("已回应 2 份诉求书中的 1 份");
    await expect(responses).toContainText("首次回应的中位用时：10 天");
    await expect(responses).toContainText("1 份诉求书过了期限仍未完整回应");
    await expect(page.getByTestId("commitments")).toContainText("劳动者确认其中 1 项中的 1 项已兑现（100%）");

    const list = page.getByTestId("submission-list").getByRole("listitem");
    await expect(list).toHaveCount(2);
    await expect(list.nth(0)).toContainText("已逾期");
    await expect(list.nth(1)).toContainText("已全部回应");
    await expect(list.nth(1).getByRole("link", { name: "2026 骑手休息日协商" })).toHaveAttribute("href", `/submissions/${world.answered}`);
    await expect(list.nth(1).getByRole("link", { name: "查看回应" })).toHaveAttribute("href", `/submissions/${world.answered}/answers`);
    await expect(list.nth(0).getByRole("link", { name: "Night safety round" })).toHaveAttribute("href", `/submissions/${world.overdue}`);
    await expect(page.getByRole("link", { name: world.petitionTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: "闪送骑士 的工作状况" })).toHaveAttribute("href", `/platforms/${world.platform.slug}/conditions`);
    // Phone-first: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);

    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dash Riders: public record");
    await expect(page.getByTestId("commitments")).toContainText("Workers confirm 1 of 1 were done (100%).");
    await expectAccessible(page);
    await page.context().close();
  });

  test("the same record is open data for any client, with its own cache and CORS", async ({ request }) => {
    const res = await request.get(`${base}/api/v1/platforms/${world.platform.slug}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["access-control-allow-origin"]).toBe("*");
    expect(res.headers()["cache-control"]).toBe("public, max-age=60");
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["referrer-policy"]).toBe("no-referrer");
    expect(await res.json()).toMatchObject({ responses: { addressed: 2, answered: 1, medianDaysToFirstAnswer: 10 }, commitments: { judged: 1, confirmedDone: 1 } });

    const doc = await request.get(`${base}/api/v1/submissions/${world.answered}/versions/1`);
    expect(doc.headers()["x-submission-digest"]).toBe(world.digest);
    expect(createHash("sha256").update(await doc.body()).digest("hex")).toBe(world.digest);
    const missing = await request.get(`${base}/api/v1/submissions/unknown`);
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
