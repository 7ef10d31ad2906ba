import { expect, test } from "./support/fixtures";
import { DEMO, joinAsWorker, signInAsStaff, signInWithKey, signOut, totpCode, unusedTotpCode } from "./support/accounts";
import { watchNoReload } from "./support/no-reload";

test.describe("anonymous worker accounts", () => {
  test("join with one tap, see the key once, sign out and back in with it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const { key, pseudonym } = await joinAsWorker(page);
    expect(key.replace(/-/g, "")).toHaveLength(36);

    await signOut(page);
    // Signed out on the server: the private page sends us to sign in.
    await page.goto("/me");
    await expect(page).toHaveURL(/\/sign-in/);

    await signInWithKey(page, key);
    await expect(page.getByTestId("me-pseudonym")).toHaveText(pseudonym);
  });

  test("signing in from a link brings the worker back to the page that asked", async ({ page }) => {
    const { key } = await joinAsWorker(page);
    await signOut(page);
    await page.goto("/verify?code=ABCD-EFGH");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fverify%3Fcode%3DABCD-EFGH$/);
    await page.getByLabel(/账户密钥|Account key/).fill(key);
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await expect(page).toHaveURL(/\/verify\?code=ABCD-EFGH$/);
    await expect(page.getByRole("textbox")).toHaveValue("ABCD-EFGH");
  });

  test("a sign-in link pointing at another site is ignored", async ({ page }) => {
    const { key } = await joinAsWorker(page);
    await signOut(page);
    await page.goto("/sign-in?next=%2F%2Fevil.example%2F");
    await page.getByLabel(/账户密钥|Account key/).fill(key);
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await expect(page).toHaveURL(/\/me$/);
  });

  test("a wrong key is refused with a clear message", async ({ page }) => {
    await signInWithKey(page, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-JJJJ");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("账户密钥不正确，请逐个字符核对后重试。");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the old session cookie stops working after sign-out", async ({ page, context }) => {
    await joinAsWorker(page);
    const cookies = await context.cookies();
    // Production cookies even on http://localhost (issue 13): Chromium accepts Secure ones there.
    expect(cookies.find((c) => c.name === "__Secure-next-auth.session-token")).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    await signOut(page);
    await context.addCookies(cookies);
    const res = await page.request.get("/api/trpc/accounts.profile");
    expect(res.status()).toBe(401);
  });

  test("the language switch is kept in a cookie", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in with your account key");
  });
});

test.describe("staff", () => {
  test("an organiser signs in with a password", async ({ page }) => {
    await signInAsStaff(page, DEMO.organiser);
    await expect(page).toHaveURL(/\/organiser$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("工会工作台");
  });

  test("an admin creates a platform representative, who can then sign in with TOTP", async ({ page, browser }) => {
    await signInAsStaff(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("worker-count")).toHaveText(/^\d+$/);

    const username = `rep-e2e-${Date.now().toString(36)}`;
    const password = "Tangerine-Lantern-Vault-93";
    const form = page.locator("form", { has: page.getByRole("heading", { name: "添加工作人员账户" }) });
    await form.getByLabel("角色").selectOption("PLATFORM_REP");
    await form.getByLabel("平台").selectOption({ label: "速达快递" });
    await form.getByLabel("用户名").fill(username);
    await form.getByLabel(/^密码/).fill(password);
    const creating = await watchNoReload(page);
    await form.getByRole("button", { name: "创建" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await expect(page.getByTestId("staff-list")).toContainText(username);
    // The desk's own query is asked again, not the page (issue 15).
    await expect.poll(() => creating.fetched).toContain("GET /api/trpc/admin.overview");
    await creating.end();

    const repContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
    const rep = await repContext.newPage();
    await signInAsStaff(rep, { username, password, totpSecret: secret });
    await expect(rep).toHaveURL(/\/platform$/);
    await repContext.close();
  });

  test("a weak password is refused with a translated message", async ({ page }) => {
    await signInAsStaff(page, DEMO.admin);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "添加工作人员账户" }) });
    await form.getByLabel("用户名").fill("weakling");
    await form.getByLabel(/^密码/).fill("password1234");
    await form.getByRole("button", { name: "创建" }).click();
    await expect(form.getByRole("alert")).toHaveText("密码至少 12 个字符，且不能是常见密码。");
  });

  test("staff sign-in answers the same whatever part was wrong, and a code works once", async ({ page }) => {
    const generic = "用户名、密码或验证码错误。";
    const alert = page.getByRole("main").getByRole("alert");
    await signInAsStaff(page, { username: DEMO.admin.username, password: DEMO.admin.password });
    await expect(alert).toHaveText(generic);
    // A valid code with a wrong password (the step is not used up: the password failed first).
    await signInAsStaff(page, { username: DEMO.admin.username, password: "Not-The-Password-2026!", totpCode: totpCode(DEMO.admin.totpSecret) });
    await expect(alert).toHaveText(generic);
    await signInAsStaff(page, { username: "nobody-here", password: DEMO.admin.password });
    await expect(alert).toHaveText(generic);

    // The same code typed twice: the first sign-in uses it up.
    const code = await unusedTotpCode(DEMO.admin.totpSecret);
    await signInAsStaff(page, { ...DEMO.admin, totpCode: code });
    await expect(page).toHaveURL(/\/admin$/);
    await page.context().clearCookies();
    await signInAsStaff(page, { ...DEMO.admin, totpCode: code });
    await expect(alert).toHaveText(generic);
  });
});

test.describe("the server refuses what a role may not do", () => {
  test("a worker who opens an admin page or calls an admin procedure is refused", async ({ page }) => {
    await joinAsWorker(page);
    await page.goto("/admin");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("你没有权限访问此页面。");
    await expect(page.getByTestId("worker-count")).toHaveCount(0);

    const res = await page.request.get("/api/trpc/admin.overview");
    expect(res.status()).toBe(403);
    const body = await res.json();
    expect(body.error.json.data.appCode).toBe("FORBIDDEN");
    const create = await page.request.post("/api/trpc/admin.createUnion", { data: { json: { slug: "evil", nameZh: "x", nameEn: "x" } } });
    expect(create.status()).toBe(403);
  });

  test("anonymous calls to worker procedures get 401, oversized bodies 413", async ({ request }) => {
    expect((await request.get("/api/trpc/accounts.profile")).status()).toBe(401);
    const big = await request.post("/api/trpc/accounts.updateProfile", { data: { json: { pad: "x".repeat(70 * 1024) } } });
    expect(big.status()).toBe(413);
  });

  // POST /api/ballots, /api/signatures and /api/reports are answered by src/scripts/serve.mjs
  // directly, outside Next's router: they must refuse what Next-served routes refuse and carry
  // the same headers. Other methods on those paths still reach Next.
  test("the direct write routes refuse anonymous, cross-site and oversized requests, with the privacy headers", async ({ request }) => {
    for (const route of ["/api/ballots", "/api/signatures", "/api/reports"]) {
      const anonymous = await request.post(route, { data: { campaignId: "x", demandIds: ["y"] } });
      expect(anonymous.status(), route).toBe(401);
      expect((await anonymous.json()).error.appCode).toBe("UNAUTHORIZED");
      const headers = anonymous.headers();
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["cache-control"]).toBe("no-store");
      expect(headers["content-security-policy"]).toContain("default-src 'none'");

      const crossSite = await request.post(`${route}?via=query`, { data: {}, headers: { origin: "https://evil.example" } });
      expect(crossSite.status(), route).toBe(403);
      const big = await request.post(route, { data: { pad: "x".repeat(2 * 1024 * 1024) } });
      expect(big.status(), route).toBe(413);
      expect((await request.get(route)).status(), route).toBe(405);
    }
    // The server still answers on the connection after refusing a body it did not read to the end.
    expect((await request.get("/api/health")).ok()).toBe(true);
  });

  // GET /api/me/page (the personal state of a cached page) is served the same way, from the hot
  // map: its answer lacks the Vary that Next's router puts on everything it serves (RSC, ...),
  // which the same path's HEAD, left to Next, carries.
  test("the personal state of a page is answered outside Next's router, private and uncached", async ({ request }) => {
    const res = await request.get("/api/me/page?path=%2F");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ account: null, unread: null, petition: null, petitions: null, campaigns: null, campaign: null, answers: null, reports: null });
    const headers = res.headers();
    expect(headers.vary).toBe("Cookie");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect((await request.head("/api/me/page?path=%2F")).headers().vary).toMatch(/\brsc\b/i);
  });

  test("pages carry the privacy headers", async ({ request }) => {
    // The home page comes from the shared public cache (same for everyone); a private page is no-store.
    for (const path of ["/", "/sign-in"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("connect-src 'self'");
      expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
    expect((await request.get("/")).headers()["x-cache"]).toMatch(/^(HIT|MISS)$/);
    expect((await request.get("/sign-in")).headers()["cache-control"]).toContain("no-store");
  });
});
