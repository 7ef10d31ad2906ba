import { expect, test } from "./support/fixtures";
import { DEMO, joinAsWorker, signInAsStaff } from "./support/accounts";
import { fillReport, next } from "./support/report-form";
import { watchNoReload } from "./support/no-reload";

// Valid PRC ID number (MOD 11-2 check digit) and a +86 mobile: both must never be stored.
const ID = "440305199506152716";
const PHONE = "+86 138 1234 5678";

test.describe("condition reports", () => {
  test("a worker files a report with personal data redacted, then finds and edits it", async ({ page }) => {
    await joinAsWorker(page);
    await page.goto("/reports");
    await page.getByRole("link", { name: "填写报告" }).click();

    // Leaving mid-way keeps the draft on the phone.
    await page.getByLabel("城市").selectOption({ label: "深圳" });
    await page.reload();
    await expect(page.getByText("已恢复你在这台手机上没填完的草稿。")).toBeVisible();
    await expect(page.getByLabel("城市")).toHaveValue("shenzhen");

    // A step with missing answers does not move on.
    await next(page);
    await next(page);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("请检查这些回答");
    await page.getByRole("button", { name: "返回" }).click();

    const firstScreen = await fillReport(page, `站长让我留电话 ${PHONE}，身份证 ${ID} 也被拍了。`);
    const preview = page.getByTestId("narrative-preview");
    await expect(preview).toHaveText("站长让我留电话 [***]，身份证 [***] 也被拍了。");
    await expect(page.getByText("已删除个人信息：手机号 × 1, 身份证号 × 1")).toBeVisible();
    await expect(page.getByRole("button", { name: "提交报告" })).toBeDisabled();
    await page.getByLabel("我已核对将要保存的文字").check();
    await page.getByRole("button", { name: "提交报告" }).click();

    await expect(page).toHaveURL(/\/reports\?filed=1/);
    await expect(page.getByText("谢谢，报告已保存。")).toBeVisible();
    // Issue 16 asks the whole report to stay within two minutes: printed from the first screen
    // to the acknowledgement, costs screen included, to watch it grow (not asserted: a script
    // types faster than a worker, so this is the machine's floor, and timing depends on load).
    const seconds = ((Date.now() - firstScreen) / 1000).toFixed(1);
    test.info().annotations.push({ type: "report duration", description: `${seconds} s from the first screen to the acknowledgement (7 screens)` });
    console.log(`report stepper: ${seconds} s from the first screen to the acknowledgement (7 screens)`);
    const mine = page.getByTestId("my-reports");
    await expect(mine.getByRole("listitem")).toHaveCount(1);
    await expect(mine).toContainText("闪电外卖");
    await expect(mine).toContainText("文字等待审核");

    await mine.getByRole("link", { name: /修改/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("修改报告");
    await next(page);
    await page.getByLabel("一个普通工作日工作几小时").fill("10.5");
    for (let i = 0; i < 5; i++) await next(page);
    const stored = page.getByLabel("用你自己的话说说（可选）");
    await expect(stored).toHaveValue("站长让我留电话 [***]，身份证 [***] 也被拍了。");
    await page.getByLabel("我已核对将要保存的文字").check();
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("修改已保存。")).toBeVisible();

    await page.getByTestId("my-reports").getByRole("link", { name: /修改/ }).click();
    await next(page);
    await expect(page.getByLabel("一个普通工作日工作几小时")).toHaveValue("10.5");
  });

  test("statistics hide a city with 4 reports and show one with 5, beside national figures", async ({ page }) => {
    await page.goto("/stats");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("平台劳动者的工作状况");
    await expect(page.getByText("全国：28.1%")).toBeVisible();
    await page.getByRole("link", { name: "闪电外卖 的工作状况" }).click();
    await expect(page).toHaveURL(/\/platforms\/flasheats\/conditions$/);
    await expect(page.getByTestId("row-qingdao")).toContainText("5");
    await expect(page.getByTestId("row-kunming")).toHaveCount(0);
    await expect(page.getByTestId("row-xian")).toHaveCount(0);
    await expect(page.getByText("来源：《2023 中国新就业形态灵活就业报告》（智联招聘、暨南大学）").first()).toBeVisible();
  });

  test("the rights guide's calculator splits a flexible employee's pension contribution", async ({ page }) => {
    await page.goto("/rights");
    await expect(page.getByRole("heading", { name: "工伤保险" })).toBeVisible();
    await page.getByLabel("本省月平均工资（元）").fill("8000");
    await expect(page.getByTestId("calc-base")).toHaveText("4,800 元");
    await expect(page.getByTestId("calc-perMonth")).toHaveText("960 元");
    await expect(page.getByTestId("calc-perYear")).toHaveText("11,520 元");
    await page.getByLabel(/缴费基数：平均工资的/).fill("300");
    await expect(page.getByTestId("calc-perMonth")).toHaveText("4,800 元");
  });

  test("an organiser approves a worker's story", async ({ page }) => {
    await signInAsStaff(page, DEMO.organiser);
    await page.getByRole("link", { name: "待审核的劳动者讲述" }).click();
    const list = page.getByTestId("moderation-list");
    await expect(list.getByRole("listitem").first()).toBeVisible();
    const before = await list.getByRole("listitem").count();
    expect(before).toBeGreaterThan(0);
    const deciding = await watchNoReload(page);
    await list.getByRole("button", { name: "通过" }).first().click();
    await expect(page.getByText("已保存。")).toBeVisible();
    // The decided story leaves the list from the answer, without a page render (issue 15).
    await expect(list.getByRole("listitem")).toHaveCount(before - 1);
    expect(await deciding.end()).toEqual(["POST /api/trpc/reports.moderate"]);
  });
});
