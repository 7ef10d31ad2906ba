import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

// The brief's yardstick: a bare Next 16 page loads about 174 KB of gzipped JavaScript.
export const NEXT_FLOOR_KB = 174;

/**
 * Gzipped JavaScript a phone downloads to show each page (every script response, compressed
 * as a server would), with an optional session cookie.
 */
export async function measurePageJs(baseUrl: string, paths: string[], cookie?: string) {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const results: { path: string; kb: number; scripts: number }[] = [];
  try {
    for (const p of paths) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
      if (cookie) {
        const [name, ...value] = cookie.split("=");
        await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
      }
      const page = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => Buffer.alloc(0)));
      });
      await page.goto(baseUrl + p, { waitUntil: "load" });
      // Link prefetches and lazy chunks arrive after load; give them a moment.
      await page.waitForTimeout(1500);
      const scripts = await Promise.all(bodies);
      const bytes = scripts.reduce((sum, b) => sum + gzipSync(b).length, 0);
      results.push({ path: p, kb: bytes / 1024, scripts: scripts.length });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
