import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

// The report stepper filled in as a worker does, screen by screen (shared by the journeys).
export const next = (page: Page) => page.getByRole("button", { name: "下一步" }).click();
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

/** Fills the whole report; returns when its first screen showed (Date.now()), to time the journey. */
export async function fillReport(page: Page, narrative: string): Promise<number> {
  await expect(page.getByRole("heading", { name: "平台和月份" })).toBeVisible();
  const firstScreen = Date.now();
  await page.getByLabel("城市").selectOption({ label: "深圳" });
  await group(page, "工作类型").getByLabel("外卖配送").check();
  await next(page);

  await expect(page.getByRole("heading", { name: "工作时间" })).toBeFocused();
  await page.getByLabel("一个普通工作日工作几小时").fill("11");
  await page.getByLabel("每周工作几天").fill("7");
  await page.getByLabel("上个月休息了几天").fill("1");
  // Estimated from the two answers above; the worker adds the waiting time.
  await expect(page.getByLabel("每周在线工作共几小时（包括等单时间）")).toHaveValue("77");
  await page.getByLabel("每周在线工作共几小时（包括等单时间）").fill("84");
  await group(page, "有带薪休假吗？").getByLabel("否").check();
  await next(page);

  await page.getByLabel("每月大约净收入（元）").fill("7000");
  await page.getByLabel("上个月被扣款或罚款几次").click();
  await expect(page.getByLabel("估算每小时净收入（元）")).toHaveValue("21");
  await page.getByLabel("上个月被扣款或罚款几次").fill("3");
  await page.getByLabel("上个月扣款或罚款共多少元").fill("150");
  await group(page, "过去 12 个月账号被封或被停过吗？").getByLabel("否").check();
  await next(page);

  // The optional costs screen: two answers, the rest left empty.
  await expect(page.getByRole("heading", { name: "每月工作开销（可选）" })).toBeFocused();
  await page.getByLabel("车辆或电动车租金（元/月）").fill("300");
  await page.getByLabel("电池、充电或油费（元/月）").fill("100");
  await next(page);

  await group(page, "你签的是什么？").getByLabel("合作协议或服务协议").check();
  await group(page, "你和谁签的约？").getByLabel("站点、加盟商或代理商").check();
  await group(page, "养老保险").getByLabel("城乡居民保险").check();
  await group(page, "养老保险缴费档次").getByLabel("最低档", { exact: true }).check();
  await group(page, "医疗保险").getByLabel("城乡居民保险").check();
  await group(page, "医疗保险缴费档次").getByLabel("最低档", { exact: true }).check();
  await group(page, "工伤保障").getByLabel("只有商业意外险").check();
  await group(page, "失业保险").getByLabel("没有").check();
  await group(page, "生育保险").getByLabel("没有").check();
  await group(page, "保险费谁来交？").getByLabel("自己交").check();
  await next(page);

  await group(page, "过去 12 个月工作中的事故").getByLabel("轻微").check();
  await group(page, "谁承担了费用？").getByLabel("自己承担").check();
  await group(page, "接受过安全培训吗？").getByLabel("否").check();
  await group(page, "你自己买的防护装备").getByLabel("雨具").check();
  await group(page, "你认为与工作有关的健康问题").getByLabel("胃病").check();
  await next(page);

  await group(page, "根本完成不了的时限").getByLabel("经常").check();
  await group(page, "没有解释的收入变化").getByLabel("有时").check();
  await group(page, "没有解释的处罚").getByLabel("有时").check();
  await page.getByLabel("用你自己的话说说（可选）").fill(narrative);
  return firstScreen;
}

