import { expect, type Page, type Request } from "@playwright/test";

// Issue 15: after a write, a page updates from the write's answer or its own small query, never
// by loading the document again or re-rendering the whole page (router.refresh(), an RSC fetch
// of the current page). watchNoReload marks the document and records what the page fetches;
// end() checks the mark survived and no document or RSC request was made, and returns the
// fetches (method and path) so a test can say which ones it expects.

type Watch = { fetched: string[]; end: () => Promise<string[]> };

export async function watchNoReload(page: Page): Promise<Watch> {
  const mark = `wv-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => void ((window as unknown as { __wvMark?: string }).__wvMark = m), mark);
  const fetched: string[] = [];
  const loads: string[] = [];
  const onRequest = (r: Request) => {
    const h = r.headers();
    if (h["next-router-prefetch"]) return; // links in view prefetch on their own; not a render of this page
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) loads.push(r.url());
    else if (h.rsc) loads.push(`RSC ${r.url()}`);
    else if (r.resourceType() === "fetch" || r.resourceType() === "xhr") fetched.push(`${r.method()} ${new URL(r.url()).pathname}`);
  };
  page.on("request", onRequest);
  return {
    fetched,
    end: async () => {
      page.off("request", onRequest);
      expect(loads, "no document load or page re-render after the write").toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __wvMark?: string }).__wvMark), "the same document").toBe(mark);
      return fetched;
    },
  };
}

/**
 * Opens a shared page and waits for its personal request (GET /api/me/page) to be answered, so a
 * watch started next sees only what the write fetches, not that first request arriving late.
 */
export async function gotoWithPersonalState(page: Page, path: string) {
  const personal = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me/page");
  await page.goto(path);
  await personal;
}
