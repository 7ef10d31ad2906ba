import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

// Every page a test visits gets an axe check (WCAG 2.2 A/AA rules); serious and critical
// violations fail the test. The page the test ends on is checked as it is; every other URL it
// passed through is re-opened afterwards in a fresh tab of the same browser context (same
// session), so the checks never race the test's own clicks.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectAccessible(page: Page, label = page.url()) {
  await page.waitForLoadState("load");
  // Next streams metadata for dynamic pages: after a client-side navigation the <title> can
  // arrive a moment after the content. Give it that moment; a page without one still fails.
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}

export const test = base.extend<{ a11y: void }>({
  a11y: [
    async ({ page, context }, use) => {
      const visited = new Set<string>();
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) {
          const url = new URL(frame.url());
          if (url.protocol.startsWith("http") && !url.pathname.startsWith("/api/")) visited.add(url.pathname + url.search);
        }
      });
      await use();
      if (page.isClosed()) return;
      const current = new URL(page.url());
      if (current.protocol.startsWith("http") && !current.pathname.startsWith("/api/")) {
        await expectAccessible(page);
        visited.delete(current.pathname + current.search);
      }
      for (const path of visited) {
        const tab = await context.newPage();
        const response = await tab.goto(path);
        if (response && response.status() < 400) await expectAccessible(tab, path);
        await tab.close();
      }
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Public pages come from a shared cache and may be up to WV_PAGE_CACHE_SECONDS (5 s) old, as the
 * page itself says: open `url` again until `check` holds, as a reader reloading would.
 */
export async function gotoFresh(page: Page, url: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout: 20_000, intervals: [1_000] });
}
