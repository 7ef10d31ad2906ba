import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, gotoFresh, test } from "./support/fixtures";
import { DEMO, joinAsWorker, signInAsStaff } from "./support/accounts";
import { gotoWithPersonalState, watchNoReload } from "./support/no-reload";
import { E2E_USER_AGENT } from "../playwright.config";
import { chinaToday, isoDay } from "../src/lib/days";

// The bargaining journey of issue 4 on a phone: an organiser creates a campaign, workers propose
// and support demands, the organiser merges duplicates, workers rank and re-rank; during voting
// everyone (the organiser too) sees only the turnout in steps of 5, and the tally published at
// the close matches a recount of the ballots cast here.

// The form takes China dates, as the server reads them (CONTRIBUTING.md, "One clock").
const today = isoDay(chinaToday());
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function newWorker(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN", userAgent: E2E_USER_AGENT, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await joinAsWorker(page);
  return page;
}

async function signInOrganiser(page: Page) {
  await signInAsStaff(page, DEMO.organiser);
  await expect(page).toHaveURL(/\/organiser$/);
}

async function createCampaign(page: Page, title: string, opts: { verifiedOnly?: boolean } = {}) {
  await page.getByRole("link", { name: "集体协商活动" }).click();
  await page.getByRole("link", { name: "新建活动" }).click();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("说明").fill("本轮协商征集骑手最关心的诉求，并由大家排序。");
  await page.getByLabel("诉求对象包括工会本身").check();
  await page.getByLabel("征集开始").fill(today);
  await page.getByLabel("投票开始").fill(later(7));
  await page.getByLabel("结束日期").fill(later(14));
  if (opts.verifiedOnly) await page.getByLabel("仅限已核实的劳动者").check();
  await page.getByRole("button", { name: "创建活动" }).click();
  await expect(page).toHaveURL(/\/organiser\/campaigns\/[0-9a-f]{32}$/);
  return page.url().split("/").pop()!;
}

async function propose(page: Page, campaignId: string, title: string) {
  await page.goto(`/campaigns/${campaignId}`);
  await page.getByLabel("标题（最多 120 字）").fill(title);
  await page.getByLabel(/希望改变什么/).fill(`${title}：这是骑手们反复提到的问题，希望平台改进。`);
  await page.getByRole("button", { name: "提交提议" }).click();
  await expect(page.getByText("谢谢！你的提议正在等待工会审核。")).toBeVisible();
}

async function support(page: Page, campaignId: string, title: string) {
  await gotoWithPersonalState(page, `/campaigns/${campaignId}`);
  const button = page.getByRole("button", { name: `支持: ${title}` });
  const watch = await watchNoReload(page);
  await button.click();
  await expect(page.getByRole("button", { name: `已支持 ✓: ${title}` })).toBeVisible();
  // The support's answer is all the page needs: nothing else is fetched.
  expect(await watch.end()).toEqual(["POST /api/trpc/demands.support"]);
}

/** `token`: a verified-only campaign's ballot, sent with a blind token and kept in the browser. */
async function rank(page: Page, campaignId: string, titles: string[], { token = false } = {}) {
  await gotoWithPersonalState(page, `/campaigns/${campaignId}`);
  for (const title of titles) await page.getByRole("button", { name: new RegExp(`${esc(title)}.*加入`) }).click();
  await expect(page.getByTestId("ranking").getByRole("listitem")).toHaveCount(titles.length);
  const watch = await watchNoReload(page);
  await page.getByRole("button", { name: "保存我的选票" }).click();
  await expect(page.getByText("你的选票已保存，结束前仍可修改。")).toBeVisible();
  if (token) return void (await watch.end());
  // The ballot and nothing else: its answer updates the page's personal part; no page render (issue 15).
  await expect(page.getByText("你已投票。修改排序会替换原来的选票。")).toBeVisible();
  expect(await watch.end()).toEqual(["POST /api/ballots"]);
}

function cell(page: Page, table: string, title: string, col: "points" | "firsts" | "share") {
  return page.getByTestId(table).getByRole("row", { name: new RegExp(esc(title)) }).locator(`[data-col="${col}"]`);
}

test.describe("bargaining campaigns", () => {
  test("propose, support, merge, rank and re-rank; the tally matches a recount", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const [A, B, C, D] = ["每周带薪休息一天", "每周一天休息日", "取消超时罚款", "公开计价规则"];
    await signInOrganiser(page);
    const campaignId = await createCampaign(page, `E2E 协商 ${Date.now().toString(36)}`);

    const workers = [];
    for (let i = 0; i < 5; i++) workers.push(await newWorker(browser));
    const [w1, w2, w3, w4, w5] = workers as [Page, Page, Page, Page, Page];
    await propose(w1, campaignId, A);
    await propose(w2, campaignId, B);
    await propose(w3, campaignId, C);
    await support(w1, campaignId, A);
    await support(w2, campaignId, A);
    await support(w2, campaignId, B);
    await support(w3, campaignId, B);
    await gotoWithPersonalState(w1, `/campaigns/${campaignId}`);
    const following = await watchNoReload(w1);
    await w1.getByRole("button", { name: "关注" }).click();
    await expect(w1.getByRole("button", { name: "已关注 ✓（取消）" })).toBeVisible();
    expect(await following.end()).toEqual(["POST /api/trpc/notifications.follow"]);

    // The organiser merges the duplicate (supports carry over once per worker), approves, adds one.
    await page.goto(`/organiser/campaigns/${campaignId}`);
    await page.getByLabel("保留这条诉求").selectOption({ label: `#1 ${A}` });
    await page.getByLabel(`#2 ${B}`).check();
    await page.getByRole("button", { name: "合并", exact: true }).click();
    await expect(page.getByText("已合并，支持数已转入，每人只计一次。")).toBeVisible();
    const first = page.getByTestId("moderation-demand").filter({ hasText: `#1 ${A}` });
    // 3 supporters after the merge (counted once each; exact count checked in Vitest): under 5, so hidden.
    await expect(first).toContainText("支持者少于 5 人");
    await expect(page.getByTestId("moderation-demand").filter({ hasText: `#2 ${B}` })).toContainText("已合并 → #1");
    await page.getByRole("button", { name: "通过 #1" }).click();
    await page.getByRole("button", { name: "通过 #3" }).click();
    await expect(page.getByRole("button", { name: "通过 #3" })).toHaveCount(0);
    await page.getByLabel("标题（最多 120 字）").fill(D);
    await page.getByLabel(/希望改变什么/).fill("单价、补贴和派单规则变动需提前公示。");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByTestId("moderation-demand").filter({ hasText: `#4 ${D}` })).toBeVisible();
    await page.getByRole("button", { name: "现在开始投票" }).click();
    await expect(page.getByTestId("campaign-phase")).toHaveText("投票排序");

    // The follower was told.
    await w1.goto("/campaigns");
    await expect(w1.getByTestId("notification-count")).toHaveText("1");
    await w1.goto("/notifications");
    await expect(w1.getByTestId("notifications")).toContainText("投票已开始");

    // Two workers give a city, so the city breakdown has groups of 2 and 3: both must hide.
    for (const w of [w4, w5]) {
      await w.goto("/me");
      await w.getByLabel("城市").selectOption("shenzhen");
      await w.getByRole("button", { name: "保存" }).click();
      await expect(w.getByText("已保存")).toBeVisible();
    }

    const ballots: [Page, string[]][] = [
      [w1, [A, C]],
      [w2, [A, C]],
      [w3, [A, D, C]],
      [w4, [A, C, D]],
      [w5, [C, A]],
    ];
    for (const [w, titles] of ballots) await rank(w, campaignId, titles);
    // w5 changes their mind: A up to first place.
    await w5.goto(`/campaigns/${campaignId}`);
    await expect(w5.getByText("你已投票。修改排序会替换原来的选票。")).toBeVisible();
    await w5.getByRole("button", { name: `将“${A}”上移` }).click();
    await w5.getByRole("button", { name: "保存我的选票" }).click();
    await expect(w5.getByText("你的选票已保存，结束前仍可修改。")).toBeVisible();
    await expectAccessible(w5, "campaign ballot");

    const final = [[A, C], [A, C], [A, D, C], [A, C, D], [A, C]];
    const points = (t: string) => final.reduce((s, b) => s + (b.includes(t) ? 5 - b.indexOf(t) : 0), 0);
    // During voting: the stepped turnout, no tally, for the voter and for the organiser alike.
    // The campaign page comes from the shared cache (ballots do not renew it): a few seconds old at most.
    await gotoFresh(w5, `/campaigns/${campaignId}`, () => expect(w5.getByTestId("turnout")).toHaveText("至少 5 票", { timeout: 1_000 }));
    await expect(w5.getByText("每新增 5 票更新一次", { exact: false })).toBeVisible();
    await expect(w5.getByTestId("results-table")).toHaveCount(0);
    await page.goto(`/organiser/campaigns/${campaignId}`);
    await expect(page.getByTestId("turnout")).toHaveText("至少 5 票");
    await expect(page.getByTestId("results-table")).toHaveCount(0);
    // Proposing has ended: scope, dates and "verified only" are fixed, and the form says why.
    await expect(page.getByTestId("campaign-frozen")).toContainText("征集已结束");
    await expect(page.getByLabel("结束日期")).toBeDisabled();
    await expect(page.getByLabel("仅限已核实的劳动者")).toBeDisabled();

    await page.getByRole("button", { name: "结束活动并公布最终结果" }).click();
    await expect(page.getByTestId("campaign-phase")).toHaveText("已结束");
    await expect(cell(page, "results-table", A, "points")).toHaveText(String(points(A)));

    // At the close, the exact tally: A first on all 5 (25 points), C on all 5 (4+4+3+4+4 = 19),
    // D on 2 ballots only, so its figures are hidden.
    await gotoFresh(w5, `/campaigns/${campaignId}`, () => expect(w5.getByTestId("ballot-count")).toHaveText("5 张选票", { timeout: 1_000 }));
    await expect(cell(w5, "results-table", A, "points")).toHaveText(String(points(A)));
    await expect(cell(w5, "results-table", A, "firsts")).toHaveText("5");
    await expect(cell(w5, "results-table", A, "share")).toHaveText("100%");
    await expect(cell(w5, "results-table", C, "points")).toHaveText(String(points(C)));
    await expect(cell(w5, "results-table", C, "firsts")).toHaveText("0");
    await expect(cell(w5, "results-table", D, "points")).toHaveText("<5");
    const rows = w5.getByTestId("results-table").getByRole("row");
    await expect(rows.nth(1)).toContainText(A);
    await expect(rows.nth(2)).toContainText(C);

    await w5.getByTestId("breakdown-city").locator("summary").click();
    await expect(w5.getByTestId("breakdown-city")).toContainText("另有 2 个组");
    await w5.getByTestId("breakdown-sector").locator("summary").click();
    await expect(cell(w5, "breakdown-sector-unknown", A, "points")).toHaveText(String(points(A)));
    await expect(cell(w5, "breakdown-sector-unknown", C, "points")).toHaveText(String(points(C)));

    // The follower hears of the close.
    await w1.goto("/notifications");
    await expect(w1.getByTestId("notifications")).toContainText("最终结果已公布");
    const deleting = await watchNoReload(w1);
    await w1.getByRole("button", { name: "全部删除" }).click();
    await expect(w1.getByText("没有通知。")).toBeVisible();
    await deleting.end();
    for (const w of workers) await w.context().close();
  });

  test("a verified-only campaign: the organiser verifies a worker in person, whose phone gets a token, votes with it without a session and changes the vote", async ({ page, browser }) => {
    test.setTimeout(150_000);
    await signInOrganiser(page);
    const campaignId = await createCampaign(page, `E2E 核实 ${Date.now().toString(36)}`, { verifiedOnly: true });
    await page.getByLabel("标题（最多 120 字）").fill("夜间安全保障");
    await page.getByLabel(/希望改变什么/).fill("夜间接单提供一键报警和行程共享。");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByTestId("moderation-demand")).toHaveCount(1);
    await page.getByLabel("标题（最多 120 字）").fill("高温天气补贴");
    await page.getByLabel(/希望改变什么/).fill("气温超过 35 度时每单加发高温补贴。");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByTestId("moderation-demand")).toHaveCount(2);
    await page.getByRole("button", { name: "现在开始投票" }).click();
    await expect(page.getByTestId("campaign-phase")).toHaveText("投票排序");

    const worker = await newWorker(browser);
    await worker.goto(`/campaigns/${campaignId}`);
    await expect(worker.getByText("只有经工会当面核实的劳动者才能在此支持和投票。")).toBeVisible();
    await expect(worker.getByRole("button", { name: "保存我的选票" })).toHaveCount(0);
    // The session ballot routes are closed here, to everyone: these ballots need a token.
    const refused = await worker.request.post("/api/ballots", { data: { campaignId, demandIds: ["x"] } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.appCode).toBe("TOKEN_REQUIRED");
    // Casting is declared once, as the JSON route: the tRPC twin is no endpoint any more.
    const noTrpcTwin = await worker.request.post("/api/trpc/ballots.cast", { data: { json: { campaignId, demandIds: ["x"] } } });
    expect(noTrpcTwin.status()).toBe(404);
    const noToken = await worker.request.post("/api/tokens/issue", { data: { campaignId, blindedMsg: "AAAA" } });
    expect((await noToken.json()).error.appCode).toBe("NOT_VERIFIED");

    await page.goto("/organiser/verification");
    await page.getByLabel("生成数量").fill("1");
    await page.getByRole("button", { name: "生成邀请码" }).click();
    const code = (await page.getByTestId("invite-code").first().textContent())!.trim();
    await expect(page.getByRole("img", { name: `邀请码 ${code} 的二维码` })).toBeVisible();

    await worker.goto(`/verify?code=${code}`);
    await expect(worker.getByLabel("邀请码")).toHaveValue(code);
    await worker.getByRole("button", { name: "兑换" }).click();
    await expect(worker.getByText(/已由.*核实/)).toBeVisible();
    await expectAccessible(worker, "verify");
    await worker.getByRole("button", { name: "兑换" }).click();
    // A used code is deleted (issue 11), so it is as unknown as one never issued.
    await expect(worker.getByRole("main").getByRole("alert")).toHaveText("邀请码无效或已被使用。");

    // The token: warned first that it lives only in this browser, then issued blind.
    await worker.goto(`/campaigns/${campaignId}`);
    await expect(worker.getByText(/凭证只保存在这部手机的这个浏览器里/)).toBeVisible();
    await expect(worker.getByRole("button", { name: "保存我的选票" })).toHaveCount(0);
    await worker.getByRole("button", { name: "领取我的投票凭证" }).click();
    await expect(worker.getByTestId("token-held")).toBeVisible();
    await expectAccessible(worker, "token ballot");

    // The ballot goes out with the token and no cookie.
    const sent: { cookie?: string }[] = [];
    worker.on("request", (r) => void (r.url().endsWith("/api/tokens/ballot") && sent.push(r.headers())));
    await rank(worker, campaignId, ["夜间安全保障"], { token: true });
    await worker.getByRole("button", { name: "移除“夜间安全保障”" }).click();
    await worker.getByRole("button", { name: /高温天气补贴.*加入/ }).click();
    await worker.getByRole("button", { name: "保存我的选票" }).click();
    await expect(worker.getByText("你的选票已保存，结束前仍可修改。")).toBeVisible();
    expect(sent.length).toBe(2);
    expect(sent.every((h) => !h.cookie)).toBe(true);
    await worker.reload();
    await expect(worker.getByTestId("ranking").getByRole("listitem")).toHaveText([/高温天气补贴/]);

    // The same token from elsewhere (another secret) cannot overwrite the ballot; a second
    // token is refused to the account; a phone that lost its token is told it is gone.
    const held = JSON.parse((await worker.evaluate((id) => localStorage.getItem(`wv-token:${id}`), campaignId))!);
    const stolen = await worker.request.post("/api/tokens/ballot", { data: { campaignId, token: held.token, signature: held.signature, secret: "A".repeat(43), demandIds: held.ranking }, headers: { cookie: "" } });
    expect((await stolen.json()).error.appCode).toBe("TOKEN_SPENT");
    await worker.evaluate((id) => localStorage.removeItem(`wv-token:${id}`), campaignId);
    await worker.reload();
    await expect(worker.getByText(/无法再次领取：服务器若要判断它是否已用过/)).toBeVisible();
    // The published counts are on the shared page, which is at most a few seconds old (the key
    // was made moments ago, when this phone first asked for its token status).
    await gotoFresh(worker, `/campaigns/${campaignId}`, () => expect(worker.getByTestId("token-counts")).toContainText("已发放凭证：少于 5", { timeout: 1_000 }));
    await worker.context().close();
  });
});
