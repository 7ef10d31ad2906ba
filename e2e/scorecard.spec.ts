import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { E2E_SCORECARD_DAYS, E2E_SCORECARD_PLATFORM as P, E2E_SCORECARD_REPORTS } from "../src/test/e2e-scorecard-world";
import { expect, gotoFresh, test } from "./support/fixtures";

// Sealed reports move a platform's pay point (issue 16), and its scorecard, the league table and
// the open-data API agree. A score changes only when a quarter is sealed, so the journey needs
// two days: this spec writes its reports into an embedded database of its own
// (src/test/e2e-scorecard.ts) and serves the app on it twice, on a clock before and after
// 2026-Q3 is sealed (e2e/support/fake-clock.mjs; the embedded database allows one process, so
// one server at a time).

const root = path.resolve(import.meta.dirname, "..");
// The spec's own server, on the port after the suite's.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const BASE = `http://localhost:${PORT}`;
test.use({ baseURL: BASE });

let dataDir = "";
let server: ChildProcess | null = null;
const env = () => ({ DATA_DIR: dataDir, SECRETS_DIR: `${dataDir}-secrets`, DATABASE_URL: "", NEXTAUTH_URL: BASE, WV_DISABLE_RATE_LIMITS: "1", WV_DISABLE_SCHEDULER: "1", NEXT_TELEMETRY_DISABLED: "1" });

/** A command of the project, with the spec's database; rejects on a non-zero exit. */
function run(args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env() }, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

async function start(now: string) {
  const clock = path.join(root, "e2e", "support", "fake-clock.mjs");
  server = spawn(process.execPath, ["--import", clock, path.join(root, "src", "scripts", "serve.mjs"), "-p", String(PORT)], { cwd: root, env: { ...process.env, ...env(), WV_E2E_NOW: now }, stdio: "ignore" });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the scorecard server did not start");
}

async function stop() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
  server = null;
}

const card = (page: Page) => page.getByTestId("scorecard");
const overall = (page: Page) => card(page).getByTestId("scorecard-overall");

/** What the platform's page, the league table and the API say about its pay, which must agree. */
async function expectPay(page: Page, { status, points, reports, latest }: { status: string; points: string; reports: number; latest: string }) {
  await gotoFresh(page, `/platforms/${P.slug}`, async () => {
    await expect(overall(page).getByTestId("point-pay.basic")).toHaveAttribute("data-status", status);
  });
  await expect(overall(page).getByTestId("principle-pay")).toHaveAttribute("data-points", points);
  await expect(overall(page).getByTestId("score-reports")).toHaveText(`依据 ${reports} 份报告`);
  await expect(overall(page).getByTestId("score-quarters")).toContainText(`至 ${latest}`);
  await expect(card(page).getByTestId("score-moves")).toContainText("评分只在一个季度封存时变化");
  // Each point links to its threshold on the methodology page and to the figures behind it.
  await expect(overall(page).getByTestId("point-pay.basic").getByRole("link", { name: "扣除工作成本后的时薪中位数不低于当地最低工资" })).toHaveAttribute("href", "/scorecard/method#pay.basic");
  await expect(overall(page).getByTestId("point-pay.basic").getByRole("link", { name: /背后的数据/ })).toHaveAttribute("href", `/platforms/${P.slug}/conditions`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await gotoFresh(page, "/scorecard", async () => {
    await expect(page.getByTestId(`league-${P.slug}-pay`)).toHaveAttribute("data-points", points);
  });
  const row = page.getByTestId(`league-${P.slug}`);
  await expect(row).toContainText(`依据 ${reports} 份报告`);
  await expect(row.getByRole("link", { name: new RegExp(P.nameZh) })).toHaveAttribute("href", `/platforms/${P.slug}#scorecard`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The open-data API says the same.
  const detail = (await (await page.request.get(`/api/v1/scorecards/${P.slug}`)).json()) as { overall: Api };
  const league = (await (await page.request.get("/api/v1/scorecards")).json()) as { data: { platform: { slug: string }; overall: Api }[] };
  for (const api of [detail.overall, league.data.find((r) => r.platform.slug === P.slug)!.overall]) {
    expect(api.card.principles.pay.basic.status).toBe(status);
    expect(String(api.card.principles.pay.points)).toBe(points);
    expect(api.reports).toBe(reports);
    expect(api.quarters[0]).toBe(latest);
  }
}
type Api = { quarters: string[]; reports: number; card: { principles: { pay: { points: number | null; basic: { status: string } } } } };

test.describe("the fair-work scorecard", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "wv-scorecard-"));
    // The migrations as production applies them (run.mjs stops the CLI PGlite keeps alive), then
    // the reports through the app's own code.
    const { prisma } = (await import(pathToFileURL(path.join(root, "src", "scripts", "lib", "run.mjs")).href)) as { prisma: (args: string[], env: object) => Promise<void> };
    await prisma(["migrate", "deploy"], env());
    await run(["--conditions=react-server", "--import", "tsx", "src/test/e2e-scorecard.ts"]);
  });

  test.afterAll(async () => {
    await stop();
    if (dataDir) for (const dir of [dataDir, `${dataDir}-secrets`]) rmSync(dir, { recursive: true, force: true });
  });

  test("sealed reports move a platform's pay point, and its scorecard, the league table and the API agree", async ({ page }) => {
    test.setTimeout(240_000);
    const { above, below } = E2E_SCORECARD_REPORTS;

    // 2026-Q3 is not sealed yet: only the reports above the minimum wage count.
    await start(E2E_SCORECARD_DAYS.before);
    await expectPay(page, { status: "awarded", points: "1", reports: above.count, latest: "2026-Q2" });
    await stop();

    // Once 2026-Q3 is sealed its reports below the wage count too, and the pay point is lost.
    await start(E2E_SCORECARD_DAYS.after);
    await expectPay(page, { status: "not_met", points: "0", reports: above.count + below.count, latest: "2026-Q3" });

    // The history keeps each quarter's own score: a point per sealed quarter, linked to its row.
    await page.goto(`/platforms/${P.slug}`);
    const history = page.getByTestId("score-history");
    await expect(history.getByTestId("history-point-pay-2026-Q2")).toHaveAttribute("data-points", "1");
    await expect(history.getByTestId("history-point-pay-2026-Q3")).toHaveAttribute("data-points", "0");
    await history.getByTestId("history-point-pay-2026-Q3").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#history-2026-Q3$/);
    await expect(history.getByTestId("history-2026-Q3")).toContainText("0 / 2 分");

    // The same scorecard in English.
    await page.getByRole("button", { name: /English/ }).click();
    await expect(card(page).getByRole("heading", { level: 2 })).toHaveText("Fair-work scorecard");
    await expect(overall(page).getByTestId("score-reports")).toHaveText(`Based on ${above.count + below.count} reports`);
  });
});
