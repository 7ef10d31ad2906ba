import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TOTP, Secret } from "otpauth";
import { test, type Page } from "@playwright/test";
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

// The server accepts each 30-second TOTP step once per account, and one step either side of
// now. Journeys sign the same demo staff in several times, so each sign-in takes a step later
// than the last one used (waiting when three in a row used up the window). The steps used are
// kept in the run's output folder, which Playwright empties when a run starts: a worker that is
// restarted after a failed test (workers: 1) must not reuse a step its predecessor spent.
const stepsFile = () => path.join(test.info().project.outputDir, ".totp-steps.json");

function readSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stepsFile(), "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

export function totpCode(secret: string, step: number = Math.floor(Date.now() / 30_000)) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
}

export async function unusedTotpCode(secret: string) {
  const steps = readSteps();
  const step = Math.max(Math.floor(Date.now() / 30_000), (steps[secret] ?? 0) + 1);
  const wait = (step - 1) * 30_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 500));
  mkdirSync(path.dirname(stepsFile()), { recursive: true });
  writeFileSync(stepsFile(), JSON.stringify({ ...steps, [secret]: step }));
  return totpCode(secret, step);
}

export async function signInAsStaff(page: Page, creds: { username: string; password: string; totpSecret?: string; totpCode?: string }) {
  await page.goto("/staff/sign-in");
  await page.getByLabel(/用户名|Username/).fill(creds.username);
  await page.getByLabel(/^(密码|Password)$/).fill(creds.password);
  const code = creds.totpCode ?? (creds.totpSecret ? await unusedTotpCode(creds.totpSecret) : null);
  if (code) await page.getByLabel(/验证码|code/).fill(code);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

export async function signOut(page: Page) {
  await page.goto("/me");
  await page.getByRole("button", { name: /退出登录|Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
}
