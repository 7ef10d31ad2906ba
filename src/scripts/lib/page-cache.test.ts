import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage as appLocale } from "~/i18n/config";
import { createPageCache, localeOf, pageKey } from "~/scripts/lib/page-cache.mjs";

type Answer = { status: number; headers: [string, string][]; body: Buffer };
type Sent = { status: number; head: Record<string, string>; body: Buffer | undefined; passed: boolean };

function harness(answer: (url: string, locale: string) => Answer | Promise<Answer>, ttlMs = 5000, bounds: { maxEntries?: number; maxBytes?: number } = {}) {
  let clock = 1_000_000;
  const renders: { url: string; locale: string }[] = [];
  const cache = createPageCache({
    ttlMs,
    ...bounds,
    now: () => clock,
    render: async (url: string, locale: string) => {
      renders.push({ url, locale });
      return answer(url, locale);
    },
  });
  const get = (url: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<Sent | null>((resolve) => {
      const req = { method, url, headers };
      const res = {
        writeHead: (status: number, head: Record<string, string>) => Object.assign(res, { status, head }),
        end: (body?: Buffer) => resolve({ status: (res as unknown as Sent).status, head: (res as unknown as Sent).head, body, passed: false }),
      };
      const took = cache.take(req, res, () => resolve({ status: 0, head: {}, body: undefined, passed: true }));
      if (!took) resolve(null);
    });
  return { cache, renders, get, advance: (ms: number) => (clock += ms) };
}

const page = (body: string, headers: [string, string][] = [["content-type", "text/html"]]): Answer => ({ status: 200, headers, body: Buffer.from(body) });

describe("the public page cache", () => {
  it("renders a page once for many concurrent misses and serves that render to all (single flight)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = harness(async () => (await gate, page("<p>petition</p>")));
    const pending = Array.from({ length: 50 }, () => h.get("/petitions/abc"));
    release();
    const sent = await Promise.all(pending);
    expect(h.renders).toHaveLength(1);
    expect(new Set(sent.map((s) => s?.body?.toString()))).toEqual(new Set(["<p>petition</p>"]));
    expect(sent.every((s) => s?.head["x-cache"] === "MISS")).toBe(true);
    const hit = await h.get("/petitions/abc");
    expect(hit?.head["x-cache"]).toBe("HIT");
    expect(h.renders).toHaveLength(1);
  });

  it("keeps a render at most the TTL: a later request renders again, and Age says how old it is", async () => {
    let n = 0;
    const h = harness(() => page(`render ${++n}`), 5000);
    expect((await h.get("/"))?.body?.toString()).toBe("render 1");
    h.advance(3000);
    const hit = await h.get("/");
    expect(hit?.body?.toString()).toBe("render 1");
    expect(hit?.head.age).toBe("3");
    h.advance(2000);
    const fresh = await h.get("/");
    expect(fresh?.body?.toString()).toBe("render 2");
    expect(fresh?.head["x-cache"]).toBe("MISS");
    expect(fresh?.head.age).toBe("0");
  });

  it("renders a page in demand again shortly before it expires, serving the stored one meanwhile, once", async () => {
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = harness(async () => {
      const mine = ++n;
      if (mine === 2) await gate;
      return page(`render ${mine}`);
    }, 5000);
    expect((await h.get("/"))?.body?.toString()).toBe("render 1");
    h.advance(4500);
    // Within the TTL: the stored render, at once, while one new render runs.
    const during = await Promise.all([h.get("/"), h.get("/"), h.get("/")]);
    expect(during.map((s) => [s?.body?.toString(), s?.head["x-cache"]])).toEqual(Array(3).fill(["render 1", "HIT"]));
    expect(h.renders).toHaveLength(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    const next = await h.get("/");
    expect(next?.body?.toString()).toBe("render 2");
    expect(next?.head.age).toBe("0");
    expect(h.renders).toHaveLength(2);
  });

  it("keys on the locale, from the cookie first and else Accept-Language, and renders with that locale only", async () => {
    const h = harness((_url, locale) => page(`in ${locale}`));
    expect((await h.get("/stats", { "accept-language": "en-GB,en;q=0.9" }))?.body?.toString()).toBe("in en");
    expect((await h.get("/stats", { "accept-language": "zh-CN" }))?.body?.toString()).toBe("in zh-CN");
    expect((await h.get("/stats", { "accept-language": "zh-CN", cookie: "wv-locale=en" }))?.body?.toString()).toBe("in en");
    expect((await h.get("/stats", {}))?.body?.toString()).toBe("in zh-CN");
    expect(h.renders.map((r) => r.locale)).toEqual(["en", "zh-CN"]);
  });

  it("never stores a render that set a cookie or answered other than 200: those visitors go to Next", async () => {
    const h = harness((url) => (url === "/rights" ? page("x", [["set-cookie", "a=b"]]) : { status: 404, headers: [], body: Buffer.from("no") }));
    expect((await h.get("/rights"))?.passed).toBe(true);
    expect((await h.get("/petitions/unpublished"))?.passed).toBe(true);
  });

  it("leaves private pages, writes, client-side navigations and unknown paths to Next", async () => {
    const h = harness(() => page("public"));
    for (const url of ["/me", "/organiser", "/admin", "/organiser/submissions/answer/x", "/petitions/new", "/reports/new", "/notifications", "/api/me/page?path=/", "/sign-in"]) expect(await h.get(url)).toBeNull();
    // Paths are matched as sent: one that only names a cached page once normalised goes to Next.
    for (const url of ["/me/..", "/petitions/abc/../../me", "/x/../", "//petitions/abc", "/petitions/%61bc"]) expect(await h.get(url), url).toBeNull();
    expect(await h.get("/", {}, "POST")).toBeNull();
    expect(await h.get("/", { rsc: "1" })).toBeNull();
    expect(await h.get("/", { "next-router-prefetch": "1" })).toBeNull();
    expect(h.renders).toHaveLength(0);
  });

  it("serves a signed-in visitor the shared render on every listed page, and private pages per request", async () => {
    const h = harness(() => page("public"));
    const cookie = "next-auth.session-token=abc";
    for (const path of ["/petitions/abc", "/petitions", "/campaigns", "/campaigns/abc", "/submissions/abc/answers", "/reports"]) {
      expect((await h.get(path, { cookie }))?.body?.toString()).toBe("public");
    }
    for (const path of ["/me", "/notifications", "/reports/new", "/organiser", "/campaigns/abc/x"]) expect(await h.get(path, { cookie })).toBeNull();
  });

  it("drops query parameters that are not part of a page's key, so random ones cannot bypass the cache", async () => {
    const h = harness((url) => page(url));
    await h.get("/petitions/abc?x=1");
    await h.get("/petitions/abc?y=2&created=1");
    await h.get("/petitions?filter=open&z=3");
    expect(h.renders.map((r) => r.url)).toEqual(["/petitions/abc", "/petitions?filter=open"]);
  });

  it("answers HEAD without a body, and gzip to clients that take it", async () => {
    const h = harness(() => page("<p>" + "a".repeat(5000) + "</p>"));
    const head = await h.get("/", {}, "HEAD");
    expect(head?.body).toBeUndefined();
    const gz = await h.get("/", { "accept-encoding": "gzip, br" });
    expect(gz?.head["content-encoding"]).toBe("gzip");
    expect(Number(gz?.head["content-length"])).toBeLessThan(5000);
  });

  it("renders again after a staff or account write through this process, not after a hot write", async () => {
    let n = 0;
    const h = harness(() => page(`render ${++n}`));
    await h.get("/");
    const finished: (() => void)[] = [];
    const res = { once: (_event: string, fn: () => void) => finished.push(fn) };
    h.cache.watchWrite({ method: "POST", url: "/api/signatures", headers: {} }, res);
    h.cache.watchWrite({ method: "GET", url: "/api/trpc/petitions.get", headers: {} }, res);
    expect(finished).toHaveLength(0);
    expect((await h.get("/"))?.body?.toString()).toBe("render 1");
    h.cache.watchWrite({ method: "POST", url: "/api/trpc/petitions.answer?batch=1", headers: {} }, res);
    h.cache.watchWrite({ method: "POST", url: "/organiser", headers: { "next-action": "abc" } }, res);
    expect(finished).toHaveLength(2);
    finished[0]!();
    expect((await h.get("/"))?.body?.toString()).toBe("render 2");
  });

  it("holds at most maxBytes of pages (body and gzip), the oldest going first, so big pages cannot grow the heap", async () => {
    // About 3,000 bytes a page with its small gzip copy: three fit in 10,000 bytes, four do not.
    const h = harness((url) => page(`${url} ${"x".repeat(3000)}`), 5000, { maxBytes: 10_000 });
    for (const id of ["a", "b", "c", "d", "e"]) await h.get(`/petitions/${id}`);
    expect(h.cache.stats.bytes).toBeLessThanOrEqual(10_000);
    expect(h.renders).toHaveLength(5);
    // The three newest are kept; the oldest two were evicted and render again.
    for (const id of ["c", "d", "e"]) expect((await h.get(`/petitions/${id}`))?.head["x-cache"]).toBe("HIT");
    expect((await h.get("/petitions/a"))?.head["x-cache"]).toBe("MISS");
    expect(h.cache.stats.bytes).toBeLessThanOrEqual(10_000);
  });

  it("serves a page larger than the whole byte budget without storing it", async () => {
    const h = harness(() => page("x".repeat(5000)), 5000, { maxBytes: 1000 });
    const first = await h.get("/rights");
    expect(first?.body?.length).toBe(5000);
    expect(h.cache.stats.bytes).toBe(0);
    expect((await h.get("/rights"))?.head["x-cache"]).toBe("MISS");
    expect(h.renders).toHaveLength(2);
  });

  it("holds at most maxEntries pages", async () => {
    const h = harness((url) => page(url), 5000, { maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await h.get(`/petitions/${id}`);
    expect((await h.get("/petitions/a"))?.head["x-cache"]).toBe("MISS");
    expect((await h.get("/petitions/c"))?.head["x-cache"]).toBe("HIT");
  });

  it("resolves the locale as the app does", () => {
    for (const header of [null, "", "en", "zh", "fr, en;q=0.5", "en;q=0.4, zh-TW;q=0.8", "de"]) expect(localeOf(header === null ? {} : { "accept-language": header })).toBe(appLocale(header));
    expect(pageKey("GET", "/", { cookie: "wv-locale=xx", "accept-language": "en" })?.locale).toBe("en");
  });
});
