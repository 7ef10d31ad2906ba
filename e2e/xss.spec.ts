import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Browser, Page } from "@playwright/test";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../src/server/db/generated/client";
import { migrationSql } from "../src/test/migrations";
import { answer, makePlatformRow, makeSubmission, on } from "../src/test/opendata-factories";
import { XSS } from "../src/test/xss-corpus";
import { expect, expectAccessible, test } from "./support/fixtures";

// Issue 14, the XSS corpus in the rendered pages, in a real browser: every payload is stored in
// every text field that is shown again (petition title, ask and reason, signers' comments, the
// platform's statement and the delivery note; the campaign's title, description and proposals;
// the submission's cover letter, demands and report quotes; the platform's answers and its
// statements on its scorecard), then every
// page that shows them is opened. Nothing may run (no dialog, window.__xss stays unset, no CSP
// report), nothing may be made of it (no element carries an inline handler, no javascript: link,
// no srcdoc frame, no script but the app's own) and the text is shown as typed. The world is
// written into an embedded database of this spec's own and served by serve.mjs, as `npm start`
// serves it (see platform-record.spec.ts for why the shared e2e database cannot be written).
const root = path.resolve(import.meta.dirname, "..");

type World = { slug: string; petitionId: string; campaignId: string; submissionId: string; title: string; awaitingTitle: string };

// One payload per field where the field is a single line, the whole corpus where it is long text.
const at = (i: number) => XSS[i % XSS.length]!;
const all = XSS.join("\n");

async function prepare(dataDir: string): Promise<World> {
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  for (const sql of migrationSql()) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    const platform = await makePlatformRow(db, { nameZh: "闪送骑士", nameEn: "Dash Riders" });
    const title = at(0);
    const awaitingTitle = at(6);
    const s = await makeSubmission(db, {
      platforms: [platform],
      publishedOn: "2026-01-05",
      campaignTitle: at(1),
      campaignDescription: all,
      demands: XSS.map((x, i) => ({ title: x.slice(0, 120), text: `${at(i + 3)} (${i})` })),
      coverLetter: all,
      quotes: XSS.map((text) => ({ text, month: "2025-12" })),
    });
    for (const [i, item] of s.items.entries()) {
      await answer(db, { itemId: item.id, partyId: s.parties[platform.id]!, status: "REJECTED", answeredOn: "2026-01-15", text: `${at(i + 5)} [${i}]` });
    }
    const petition = (id: string, over: { title: string; responseText?: string; respondedOn?: Date; deliveredTo?: string; deliveredOn?: Date }) =>
      db.petition.create({
        data: {
          id,
          shortCode: randomBytes(4).toString("hex"),
          ownerKey: randomBytes(32).toString("hex"),
          ask: all,
          reason: XSS.slice().reverse().join("\n"),
          targetKind: "PLATFORM",
          platformId: platform.id,
          status: "PUBLISHED",
          sponsorCount: 5,
          threshold: 5,
          publishedOn: on("2026-01-02"),
          closesOn: on("2099-01-01"),
          thresholdReachedOn: on("2026-01-03"),
          ...over,
        },
      });
    const petitionId = randomBytes(12).toString("base64url");
    await petition(petitionId, { title, responseText: all, respondedOn: on("2026-01-10"), deliveredTo: at(2), deliveredOn: on("2026-01-04") });
    // One still waiting for the platform's answer, which its public record lists.
    await petition(randomBytes(12).toString("base64url"), { title: awaitingTitle });
    // Ten or more signers before comments are shown (k = 10); every payload one approved comment.
    await db.petitionTally.create({ data: { petitionId, dimension: "total", value: "", slot: 0, count: XSS.length + 3 } });
    await db.petitionSignature.createMany({
      data: XSS.map((comment) => ({ petitionId, nullifier: randomBytes(32).toString("hex"), withdrawTag: randomBytes(16).toString("base64url"), comment, commentStatus: "APPROVED" as const })),
    });
    // The platform's approved statement on a scorecard principle, shown on its public record.
    await db.platformStatement.create({ data: { platformId: platform.id, principle: "pay", text: all, evidence: XSS.slice().reverse().join("\n"), status: "APPROVED", moderatedOn: on("2026-01-20") } });
    return { slug: platform.slug, petitionId, campaignId: s.campaignId, submissionId: s.submissionId, title, awaitingTitle };
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

/** A phone whose every page records CSP reports, and a list of the dialogs anything opened. */
async function phone(browser: Browser, base: string, locale = "zh-CN") {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, locale, userAgent: test.info().project.use.userAgent });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, dialogs };
}

/** What of the corpus ran or became markup on the page as it stands. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp: string[] };
    const elements = [...document.querySelectorAll("*")];
    return {
      ran: w.__xss ?? null,
      csp: w.__csp,
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`)),
      javascriptLinks: [...document.querySelectorAll("[href],[src],[action],[formaction],[xlink\\:href]")]
        .flatMap((el) => ["href", "src", "action", "formaction", "xlink:href"].map((n) => el.getAttribute(n) ?? ""))
        .filter((v) => /^\s*javascript:/i.test(v)),
      frames: document.querySelectorAll("iframe, frame, object, embed").length,
      injected: document.querySelectorAll("main svg animate, main mglyph, main math, main img[src='x'], main input[autofocus], main body").length,
      // The app's own scripts: its bundles (src) and the flight data it streams (self.__next_f).
      scripts: [...document.scripts].filter((s) => !s.src && !/^\s*\(?self\.__next_f/.test(s.textContent ?? "") && /alert|__xss/.test(s.textContent ?? "")).map((s) => (s.textContent ?? "").slice(0, 80)),
    };
  });
}

/** Opens `path` and checks that nothing of the corpus ran or became markup, and that `shown` is on the page as typed. */
async function expectInert(page: Page, dialogs: string[], path: string, shown: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("load");
  // Event handlers such as onerror of a broken image or ontoggle fire after load: give them a moment.
  await page.waitForTimeout(300);
  const body = page.locator("main");
  for (const text of shown) await expect(body, `${path} shows ${JSON.stringify(text)} as typed`).toContainText(text);
  const found = await inspect(page);
  expect(found, path).toEqual({ ran: null, csp: [], handlers: [], javascriptLinks: [], frames: 0, injected: 0, scripts: [] });
  expect(dialogs, path).toEqual([]);
  await expectAccessible(page, path);
}

test.describe("the XSS corpus on the rendered pages", () => {
  let server: ChildProcess;
  let dataDir: string;
  let base: string;
  let world: World;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "wv-xss-"));
    world = await prepare(dataDir);
    const port = await freePort();
    base = `http://localhost:${port}`;
    const env = { ...process.env, DATA_DIR: dataDir, SECRETS_DIR: `${dataDir}-secrets`, DATABASE_URL: "", WV_DISABLE_RATE_LIMITS: "1", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: base };
    server = spawn(process.execPath, [path.join(root, "src", "scripts", "serve.mjs"), "-p", String(port)], { cwd: root, env, stdio: "ignore" });
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

  test("petition, campaign, submission, answers and platform record show every payload as text and run none", async ({ browser }) => {
    const { page, dialogs } = await phone(browser, base);
    const lines = (text: string) => text.split("\n");
    // The petition: title, ask, reason, the platform's statement, the delivery note, the comments.
    await expectInert(page, dialogs, `/petitions/${world.petitionId}`, [...XSS, at(2)]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.title);
    await expect(page.getByTestId("response")).toContainText(lines(all)[1]!);
    await expectInert(page, dialogs, "/petitions", [world.title, world.awaitingTitle]);
    // The campaign: its title, its description and every proposal.
    await expectInert(page, dialogs, `/campaigns/${world.campaignId}`, [at(1), ...XSS.map((x) => x.slice(0, 120))]);
    await expectInert(page, dialogs, "/campaigns", [at(1)]);
    // The published submission: cover letter, demands and the report quotes it carries.
    await expectInert(page, dialogs, `/submissions/${world.submissionId}`, [...XSS, ...XSS.map((x, i) => `${at(i + 3)} (${i})`)]);
    // The platform's answers, item by item.
    await expectInert(page, dialogs, `/submissions/${world.submissionId}/answers`, XSS.map((_, i) => `${at(i + 5)} [${i}]`));
    await expectInert(page, dialogs, "/submissions", [at(1)]);
    // The platform's public record names the campaign and the petition, and shows its statement.
    await expectInert(page, dialogs, `/platforms/${world.slug}`, [at(1), world.awaitingTitle, ...XSS]);
    await page.context().close();
  });

  // A control: the same corpus put into a page as markup is caught by every check above.
  test("the checks catch the corpus when it is rendered as markup", async ({ browser }) => {
    const { page, dialogs } = await phone(browser, base);
    // Each payload parsed on its own (a <style> in one would swallow the rest as its text).
    await page.setContent("<main></main>");
    await page.evaluate((corpus) => {
      for (const x of corpus) document.querySelector("main")!.appendChild(document.createElement("div")).innerHTML = x;
    }, XSS);
    await page.waitForTimeout(300);
    const found = await inspect(page);
    expect(found.ran).toBe(1);
    expect(found.handlers.length).toBeGreaterThan(3);
    expect(found.javascriptLinks.length).toBeGreaterThan(0);
    expect(found.frames).toBeGreaterThan(0);
    expect(found.injected).toBeGreaterThan(0);
    expect(found.scripts.length).toBeGreaterThan(0);
    expect(dialogs.length).toBeGreaterThan(0);
    await page.context().close();
  });

  test("the English pages are as inert", async ({ browser }) => {
    const { page, dialogs } = await phone(browser, base, "en");
    await expectInert(page, dialogs, `/petitions/${world.petitionId}`, XSS);
    await expectInert(page, dialogs, `/submissions/${world.submissionId}/answers`, XSS.map((_, i) => `${at(i + 5)} [${i}]`));
    await page.context().close();
  });
});
