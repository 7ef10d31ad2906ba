import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
// A marker user agent: the privacy scan after the run greps every table and log for it.
export const E2E_USER_AGENT = "Mozilla/5.0 (Linux; Android 10) WorkerVoiceE2E/1.0 privacy-canary-5b1e";

// Debian's Chromium where it exists (no browser downloads on these machines), Playwright's own elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // npm test runs the suite twice (src/scripts/test.mjs): on the embedded database, then a part
  // of it on PostgreSQL (E2E_DATABASE_URL), each with its own report.
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "reports/playwright.json" }]],
  use: {
    ...devices["Pixel 5"],
    viewport: { width: 360, height: 740 },
    userAgent: E2E_USER_AGENT,
    locale: "zh-CN",
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "phone-chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node src/scripts/e2e-server.mjs",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT), ...(process.env.E2E_DATABASE_URL ? { E2E_DATABASE_URL: process.env.E2E_DATABASE_URL } : {}) },
  },
});
