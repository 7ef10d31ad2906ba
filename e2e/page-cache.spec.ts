import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { joinAsWorker } from "./support/accounts";

// The shared cache of public pages in front of Next (src/scripts/lib/page-cache.mjs, issue 15),
// through the production server the suite runs: a worker signed in through the real flow and an
// anonymous visitor get the same bytes, which hold nothing of the worker's.

const TTL_MS = 5_000;
const ZH = { "accept-language": "zh-CN" };
const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];

/**
 * The same path for a signed-in worker and an anonymous visitor, until both came from one render
 * (one nonce); checks that render is a cached one and holds nothing of the worker's.
 */
async function sharedRender(worker: APIRequestContext, anonymous: APIRequestContext, path: string, pseudonym: string, secrets: string[]) {
  let pair: [APIResponse, APIResponse] | null = null;
  for (let attempt = 0; attempt < 3 && !pair; attempt++) {
    const both = await Promise.all([worker.get(path, { headers: ZH }), anonymous.get(path, { headers: ZH })]);
    if (nonceOf(both[0]) === nonceOf(both[1])) pair = both;
  }
  expect(pair, `both visitors of ${path} served from one render`).not.toBeNull();
  const [mine, theirs] = pair!;
  for (const r of [mine, theirs]) {
    expect(r.status()).toBe(200);
    expect(["HIT", "MISS"], path).toContain(r.headers()["x-cache"]);
    expect(r.headers()["set-cookie"]).toBeUndefined();
    expect(Number(r.headers().age)).toBeLessThanOrEqual(TTL_MS / 1000);
  }
  const body = await mine.text();
  const head = JSON.stringify(mine.headersArray());
  expect(body, path).not.toContain(pseudonym);
  for (const secret of secrets) {
    expect(body, path).not.toContain(secret);
    expect(head, path).not.toContain(secret);
  }
  expect(body, path).not.toMatch(/csrf/i);
  expect(await theirs.body(), path).toEqual(await mine.body());
  return mine;
}

test.describe("public page cache", () => {
  test("a cached petition page holds no pseudonym, cookie or token, and an anonymous visitor gets the same bytes", async ({ page, playwright }) => {
    const { pseudonym } = await joinAsWorker(page);
    await page.goto("/petitions");
    await page.getByRole("link", { name: "等餐超过 10 分钟应计入工时并付费" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("等餐");
    const path = new URL(page.url()).pathname;
    // The personal part arrived after first paint: this worker may sign, and has the bell.
    await expect(page.getByRole("button", { name: "签署这份联署" })).toBeVisible();
    await expect(page.getByTestId("notification-badge")).toBeVisible();

    const secrets = (await page.context().cookies()).map((c) => c.value).filter((v) => v.length >= 16);
    expect(secrets.length).toBeGreaterThan(0); // the session token at least
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const mine = await sharedRender(page.request, anonymous, path, pseudonym, secrets);
    const body = await mine.text();
    // One nonce, carried by every inline script; no 'unsafe-inline' script source.
    const csp = mine.headers()["content-security-policy"]!;
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const inline = body.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inline.length).toBeGreaterThan(0);
    for (const tag of inline) expect(tag).toContain(`nonce="${nonceOf(mine)}"`);

    // The personal request says who this is, and is never cached; anonymous it says nobody.
    const me = await page.request.get(`/api/me/page?path=${encodeURIComponent(path)}`);
    expect(me.headers()["cache-control"]).toContain("no-store");
    expect((await me.json()).account).toMatchObject({ role: "WORKER", pseudonym });
    expect((await (await anonymous.get(`/api/me/page?path=${encodeURIComponent(path)}`)).json()).account).toBeNull();

    // Private pages stay per request.
    const account = await page.request.get("/me");
    expect(account.headers()["x-cache"]).toBeUndefined();
    expect(account.headers()["cache-control"]).toContain("no-store");
    await anonymous.dispose();
  });

  test("the pages that showed a worker's own part in place are shared too; that part comes with the personal request", async ({ page, playwright }) => {
    const { pseudonym } = await joinAsWorker(page);
    await page.goto("/campaigns");
    const campaign = (await page.locator('main a[href^="/campaigns/"]').first().getAttribute("href"))!;
    await page.goto("/submissions");
    const links = await page.locator('main a[href^="/submissions/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const submission = links.find((h) => /^\/submissions\/[A-Za-z0-9_-]+$/.test(h))!;
    expect(submission).toBeTruthy();
    // In place for this worker once the personal request answered: the follow button, the report form's link.
    await page.goto(campaign);
    await expect(page.getByRole("button", { name: "关注" })).toBeVisible();
    await page.goto("/reports");
    await expect(page.getByRole("link", { name: "填写报告" })).toBeVisible();

    const secrets = (await page.context().cookies()).map((c) => c.value).filter((v) => v.length >= 16);
    expect(secrets.length).toBeGreaterThan(0);
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    for (const path of ["/petitions", "/petitions?filter=answered", "/campaigns", campaign, `${submission}/answers`, "/reports"]) {
      await sharedRender(page.request, anonymous, path, pseudonym, secrets);
    }
    const me = async (r: APIRequestContext, path: string) => (await r.get(`/api/me/page?path=${encodeURIComponent(path)}`)).json();
    expect((await me(page.request, "/reports")).reports).toEqual({ mine: [] });
    expect((await me(page.request, campaign)).campaign).toMatchObject({ following: false, proposals: [] });
    expect((await me(page.request, "/campaigns")).campaigns).toEqual({ matching: expect.any(Array) });
    expect(await me(anonymous, campaign)).toMatchObject({ account: null, campaign: null, reports: null });
    await anonymous.dispose();
  });

  test("concurrent misses wait for one render; the locale is part of the key; a page is at most the TTL old", async ({ playwright }) => {
    const visitor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const first = await visitor.get("/stats", { headers: ZH });
    await new Promise((r) => setTimeout(r, TTL_MS + 500));
    const burst = await Promise.all(Array.from({ length: 16 }, () => visitor.get("/stats", { headers: ZH })));
    // Every render stamps a fresh nonce: one nonce across the burst is one render.
    expect(new Set(burst.map(nonceOf)).size).toBe(1);
    expect(nonceOf(burst[0]!)).not.toBe(nonceOf(first));
    expect(burst.some((r) => r.headers()["x-cache"] === "MISS")).toBe(true);

    const en = await visitor.get("/stats", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    const enByCookie = await visitor.get("/stats", { headers: { ...ZH, cookie: "wv-locale=en" } });
    expect(await en.text()).toContain('<html lang="en"');
    expect(await enByCookie.text()).toContain('<html lang="en"');
    expect(await burst[0]!.text()).toContain('<html lang="zh-CN"');
    await visitor.dispose();
  });
});
