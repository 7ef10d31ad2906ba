import type { Browser } from "@playwright/test";
import { expect, gotoFresh, test } from "./support/fixtures";
import { DEMO, signInAsStaff } from "./support/accounts";

// Issue 16: a platform attaches a statement with evidence to a principle through its desk; it
// is scanned for personal data, moderated by the platform's union, and then shown apart on the
// platform's page as the platform's statement.
const TEXT = `E2E 声明：自十月起，等单超过五分钟的时间按每分钟 0.3 元计酬（${Date.now().toString(36)}）。`;
const EVIDENCE = "《司机报酬规则》2026 年 10 月版第 3.2 条，在应用内“规则中心”公布。";

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN", userAgent: test.info().project.use.userAgent });
  return context.newPage();
}

test.describe("platform statements", () => {
  test("a representative attaches a statement, a moderator approves it, and it shows apart on the platform's page", async ({ page, browser }) => {
    await signInAsStaff(page, DEMO.reps.ridealong);
    await page.getByRole("link", { name: "对评分卡的声明" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("对评分卡的声明");
    await page.getByLabel("原则").selectOption({ label: "报酬" });
    await page.getByLabel("声明", { exact: true }).fill("有问题请打客服 138 1234 5678。");
    await page.getByLabel("证据", { exact: true }).fill(EVIDENCE);
    // Personal data is shown before sending, and the form cannot be sent with it.
    await expect(page.getByTestId("pii-preview")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交审核" })).toBeDisabled();
    await page.getByLabel("声明", { exact: true }).fill(TEXT);
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("已提交。审核员批准后才会显示。")).toBeVisible();
    await expect(page.getByTestId("my-statements").getByRole("listitem").filter({ hasText: TEXT })).toContainText("等待审核");

    // Not public before moderation.
    const reader = await phone(browser);
    await reader.goto("/platforms/ridealong");
    await expect(reader.getByTestId("platform-statements")).toBeVisible();
    await expect(reader.getByText(TEXT)).toHaveCount(0);

    const organiser = await phone(browser);
    await signInAsStaff(organiser, DEMO.organiser);
    await organiser.getByRole("link", { name: "待审核的平台声明" }).click();
    const queued = organiser.getByTestId("queued-statement").filter({ hasText: TEXT });
    await expect(queued).toContainText("顺路出行：报酬");
    await expect(queued).toContainText(EVIDENCE);
    await queued.getByRole("button", { name: "批准" }).click();
    await expect(organiser.getByText("已保存。")).toBeVisible();
    await expect(organiser.getByTestId("queued-statement").filter({ hasText: TEXT })).toHaveCount(0);
    await organiser.context().close();

    const shown = reader.getByTestId("platform-statement").filter({ hasText: TEXT });
    await gotoFresh(reader, "/platforms/ridealong", async () => {
      await expect(shown).toBeVisible({ timeout: 1_000 });
    });
    await expect(shown).toContainText("平台关于“报酬”的声明");
    await expect(shown).toContainText(EVIDENCE);
    await expect(reader.getByTestId("platform-statements")).toContainText("绝不改变劳动者给出的评分");
    await reader.context().close();

    await page.reload();
    await expect(page.getByTestId("my-statements").getByRole("listitem").filter({ hasText: TEXT })).toContainText("已显示在平台页面上");
  });

  test("the methodology page names every threshold with its percentages and sources", async ({ page }) => {
    await page.goto("/scorecard/method");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("公平劳动评分卡怎样计分");
    await expect(page.locator('[id="pay.basic"]')).toContainText("非全日制用工小时最低工资标准");
    await expect(page.locator('[id="pay.basic"]')).toContainText("50%");
    await expect(page.locator('[id="management.basic"]')).toContainText("95%");
    await expect(page.locator('[id="conditions.basic"]')).toContainText("人社部发〔2021〕56 号");
    await page.getByRole("link", { name: "代表与沟通" }).click();
    await expect(page).toHaveURL(/#principle-representation$/);
  });
});
