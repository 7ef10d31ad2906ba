import { expect, test } from "./support/fixtures";
import { DEMO, signInAsStaff } from "./support/accounts";

// Issue 16: admins keep the minimum wages the scorecard scores pay against, with history.
// The figure added here takes effect next year, so no sealed quarter is scored against it.
const nextYear = `${new Date().getUTCFullYear() + 1}-03-01`;

test.describe("minimum wages", () => {
  test("an admin reads each city's wage in force, is told what is wrong with bad input, and adds a figure", async ({ page }) => {
    await signInAsStaff(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("link", { name: "最低工资和生活工资估算" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("最低工资");

    const beijing = page.getByTestId("wage-minimum-beijing");
    await expect(beijing).toContainText("每小时 27.70 元");
    await expect(beijing).toContainText("北京市人力资源和社会保障局《关于调整北京市2024年最低工资标准的通知》");
    await beijing.getByText("历史（2 条）").click();
    await expect(beijing).toContainText("26.40 元");
    await expect(page.getByTestId("wage-minimum-shenzhen")).toContainText("没有最低工资记录");
    const shenyang = page.getByTestId("wage-minimum-shenyang");
    await expect(shenyang).toContainText("没有最低工资记录");

    // Bad input: each wrong field is named, nothing is sent or stored.
    await page.getByLabel("城市").selectOption({ label: "沈阳" });
    await page.getByLabel("每小时多少元").fill("19.555");
    await page.getByLabel("来源").fill("x");
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "没有保存。请改正下面标出的项目。" })).toBeVisible();
    await expect(page.getByText("请输入 1 到 500 之间的金额（元），最多两位小数。")).toBeVisible();
    await expect(page.getByText("请输入一个真实的日期。")).toBeVisible();
    await expect(page.getByText("请写明来源：4 到 300 个字。")).toBeVisible();
    await expect(page.getByLabel("每小时多少元")).toHaveAttribute("aria-invalid", "true");

    // A figure for a date already on file is refused by the server: history is never overwritten.
    await page.getByLabel("城市").selectOption({ label: "北京" });
    await page.getByLabel("每小时多少元").fill("30");
    await page.getByLabel("生效日期").fill("2024-09-01");
    await page.getByLabel("来源").fill("北京市人力资源和社会保障局《关于调整北京市2024年最低工资标准的通知》");
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText("没有保存：这个城市这个日期起的同类标准已经有记录。", { exact: false })).toBeVisible();
    await expect(beijing).toContainText("每小时 27.70 元");
    await expect(beijing).not.toContainText("30.00 元");

    // A valid figure from next year: listed in the history, not yet in force.
    await page.getByLabel("城市").selectOption({ label: "沈阳" });
    await page.getByLabel("每小时多少元").fill("20.8");
    await page.getByLabel("生效日期").fill(nextYear);
    await page.getByLabel("来源").fill("E2E 测试：辽宁省人民政府《关于调整全省最低工资标准的通知》");
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText("已保存，这条标准已列在上面。")).toBeVisible();
    await expect(shenyang).toContainText("尚无已生效的标准");
    await shenyang.getByText("历史（1 条）").click();
    await expect(shenyang).toContainText("20.80 元");
    await expect(shenyang).toContainText("（将来生效）");
    await expect(shenyang).toContainText("E2E 测试：辽宁省人民政府");
  });
});
