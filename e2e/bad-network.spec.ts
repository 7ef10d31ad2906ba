import type { Page, Route } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { joinAsWorker } from "./support/accounts";
import { fillReport } from "./support/report-form";

// Issue 14, bad networks on the phone: a ballot, a signature or a report sent while offline, or
// whose answer is lost on the way back, is sent again by the page itself; it counts once, a
// retry whose first attempt was in fact stored is shown as success, and the worker can always
// see whether it counted.

/** The first `n` requests reach the server (and are stored) but their answers never arrive. */
async function loseAnswers(page: Page, path: string, n: number) {
  let left = n;
  await page.route(`**${path}`, async (route: Route) => {
    if (left-- > 0) {
      await route.fetch();
      await route.abort("failed");
    } else await route.continue();
  });
}

test.describe("bad networks", () => {
  test("a signature whose answer is lost is sent again and shown as counted, once", async ({ page }) => {
    await joinAsWorker(page);
    await page.goto("/petitions");
    await page.getByRole("link", { name: "取消因恶劣天气造成的超时罚款" }).click();
    const before = Number(await page.getByTestId("signature-count").textContent().then((t) => t!.replace(/\D/g, "")));
    await loseAnswers(page, "/api/signatures", 1);
    await page.getByRole("button", { name: "签署这份联署" }).click();
    await expect(page.getByText(/网络不好：正在重新发送/)).toBeVisible();
    // The retry finds the signature stored: success, not "already signed".
    await expect(page.getByRole("button", { name: "撤回我的签名" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "撤回我的签名" })).toBeVisible();
    await expect(page.getByTestId("signature-count")).toHaveText(String(before + 1));
  });

  test("a report filed offline waits for the network and is stored once", async ({ page, context }) => {
    await joinAsWorker(page);
    await page.goto("/reports");
    await page.getByRole("link", { name: "填写报告" }).click();
    await fillReport(page, "下雨天也要按时送达。");
    await page.getByLabel("我已核对将要保存的文字").check();
    await context.setOffline(true);
    await page.getByRole("button", { name: "提交报告" }).click();
    await expect(page.getByText(/没有网络：还没有发送/)).toBeVisible();
    await context.setOffline(false);
    await expect(page).toHaveURL(/\/reports\?filed=1/);
    await expect(page.getByTestId("my-reports").getByRole("listitem")).toHaveCount(1);
  });

  test("a ballot whose answers are lost twice on slow 3G is sent again until it counts, once", async ({ page }) => {
    test.setTimeout(120_000);
    await joinAsWorker(page);
    // The demo voting campaign is for food-delivery riders of FlashEats.
    await page.goto("/me");
    await page.getByLabel("外卖配送").check();
    await page.getByLabel("闪电外卖").check();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存")).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 25_000 });
    await page.goto("/campaigns");
    await page.getByRole("link", { name: /2027 外卖骑手集体协商/ }).first().click();
    await loseAnswers(page, "/api/ballots", 2);
    await page.getByRole("button", { name: /加入/ }).first().click();
    await page.getByRole("button", { name: "保存我的选票" }).click();
    await expect(page.getByText(/网络不好：正在重新发送/)).toBeVisible();
    await expect(page.getByText("你的选票已保存，结束前仍可修改。")).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId("ranking").getByRole("listitem")).toHaveCount(1);
  });
});
