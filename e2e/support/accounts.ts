import { TOTP, Secret } from "otpauth";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { DEMO } from "../../prisma/seed/demo-credentials";

export { DEMO };

/** Joins through the real one-tap flow and returns the key the worker was shown. */
export async function joinAsWorker(page: Page) {
  await page.goto("/join");
  await page.getByRole("button", { name: /创建我的匿名账户|Create my anonymous account/ }).click();
  const key = (await page.getByTestId("account-key").textContent())!.trim();
  const pseudonym = (await page.getByTestId("pseudonym").textContent())!.trim();
  await page.getByLabel(/我已保存密钥|I have saved my key/).check();
  await page.getByRole("button", { name: /继续|Continue/ }).click();
  await expect(page.getByTestId("me-pseudonym")).toHaveText(pseudonym);
  return { key, pseudonym };
}

export async function signInWithKey(page: Page, key: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/账户密钥|Account key/).fill(key);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

export function totpNow(secret: string) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate();
}

export async function signInAsStaff(page: Page, creds: { username: string; password: string; totpSecret?: string }) {
  await page.goto("/staff/sign-in");
  await page.getByLabel(/用户名|Username/).fill(creds.username);
  await page.getByLabel(/^(密码|Password)$/).fill(creds.password);
  if (creds.totpSecret) await page.getByLabel(/验证码|code/).fill(totpNow(creds.totpSecret));
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

export async function signOut(page: Page) {
  await page.goto("/me");
  await page.getByRole("button", { name: /退出登录|Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
}
