import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { localeFromAcceptLanguage } from "../../i18n/accept-language.js";

// The shared cache of public pages in front of Next (issue 15). A page whose content is the same
// for everyone is rendered at most once per TTL per locale and path, by one request to this same
// server that carries no cookie but the locale's: so the render cannot see a session, whatever
// the page reads, and what is stored is what an anonymous visitor would get. Concurrent misses
// wait for that one render (single flight). The body is stored with its headers as one, the
// CSP and its nonce included: visitors of one render share its nonce for a few seconds.
// Anything else (other paths, other methods, client-side navigations, a render that answered
// with another status or set a cookie) goes to Next per request, as before.
// What a page must not do to be listed here: CONTRIBUTING.md "## Cached public pages".

/** @typedef {{ pattern: RegExp; query?: string[] }} PageRule */

/**
 * The cacheable pages. `query`: the parameters that are part of the key (others are dropped,
 * so random ones cannot bypass the cache). Every visitor, signed in or not, gets the cached
 * render; the personal part of a page arrives through GET /api/me/page.
 * @type {PageRule[]}
 */
export const PUBLIC_PAGES = [
  { pattern: /^\/$/ },
  { pattern: /^\/petitions\/(?!new$)[A-Za-z0-9_-]{1,40}$/ },
  { pattern: /^\/petitions\/platform\/[a-z0-9-]{1,64}$/ },
  { pattern: /^\/stats$/ },
  { pattern: /^\/rights$/ },
  { pattern: /^\/scorecard\/method$/ },
  { pattern: /^\/submissions$/ },
  { pattern: /^\/submissions\/[A-Za-z0-9_-]{1,40}$/, query: ["v"] },
  { pattern: /^\/platforms\/[a-z0-9-]{1,64}$/, query: ["cursor"] },
  { pattern: /^\/platforms\/[a-z0-9-]{1,64}\/conditions$/ },
  { pattern: /^\/scorecard$/ },
  { pattern: /^\/petitions$/, query: ["filter"] },
  { pattern: /^\/campaigns$/ },
  { pattern: /^\/campaigns\/[A-Za-z0-9_-]{1,40}$/ },
  { pattern: /^\/submissions\/[A-Za-z0-9_-]{1,40}\/answers$/ },
  { pattern: /^\/reports$/ },
];

export const LOCALE_COOKIE = "wv-locale";
const LOCALES = ["zh-CN", "en"];
const LOCALE_PATTERN = /(?:^|;\s*)wv-locale=([^;]*)/;
/** Headers Next's answer carries that belong to one connection, or that this cache sets itself. */
const GZIP = /\bgzip\b/;
const DROPPED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "cache-control", "vary", "etag"]);

/** @typedef {Record<string, string | string[] | undefined>} Headers */

/**
 * The locale src/i18n/request.ts would pick for these request headers.
 * @param {Headers} headers
 */
export function localeOf(headers) {
  const stored = LOCALE_PATTERN.exec(String(headers.cookie ?? ""))?.[1];
  return stored && LOCALES.includes(stored) ? stored : localeFromAcceptLanguage(one(headers["accept-language"]));
}

/**
 * The cache key of a request, or null when the request is not for a cached page: a GET or HEAD
 * of a listed path, a document request (not a client-side navigation's RSC fetch or a prefetch).
 * @param {string | undefined} method
 * @param {string | undefined} url
 * @param {Headers} headers
 * @returns {{ key: string; url: string; locale: string } | null}
 */
export function pageKey(method, url, headers) {
  if (method !== "GET" && method !== "HEAD") return null;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || headers["next-action"]) return null;
  // No URL parsing on the way to a hit: a path the patterns accept has no dot, percent sign or
  // doubled slash, so it is already what new URL() would make of it; anything else goes to Next.
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  const pathname = q < 0 ? raw : raw.slice(0, q);
  const rule = PUBLIC_PAGES.find((r) => r.pattern.test(pathname));
  if (!rule) return null;
  let search = "";
  if (rule.query && q >= 0) {
    const params = new URLSearchParams(raw.slice(q + 1));
    const kept = new URLSearchParams();
    for (const name of rule.query) {
      const value = params.get(name);
      if (value !== null) kept.set(name, value.slice(0, 100));
    }
    if (kept.size) search = `?${kept}`;
  }
  const locale = localeOf(headers);
  return { key: `${locale} ${pathname}${search}`, url: pathname + search, locale };
}

/** A stored render, or PASS: the render was not for everyone (so Next answers per request). */
const PASS = Symbol("pass");

/** @typedef {{ status: number; headers: [string, string][]; body: Buffer }} Answer  what a render answered */
/** @typedef {Answer & { gzip: Buffer | null; bornAt: number; plainHead: Record<string, string | string[]>; gzipHead: Record<string, string | string[]> | null }} Page */
/** @typedef {{ page: Page | typeof PASS; bornAt: number }} Entry */
/** @typedef {{ method?: string; url?: string; headers: Headers }} Req  the parts of an IncomingMessage used */
/** @typedef {{ writeHead(status: number, head: Record<string, string | string[]>): unknown; end(body?: Buffer): unknown }} Res */

/** @param {string | string[] | undefined} value */
const one = (value) => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

/**
 * One GET of `url` from the server at `origin`, with no cookie but the locale's and `marker` so
 * the server hands it straight to Next; the whole answer.
 * @param {string} origin
 * @param {string} host
 * @param {string} marker
 * @returns {(url: string, locale: string) => Promise<Answer>}
 */
export function renderThrough(origin, host, marker) {
  return (url, locale) =>
    new Promise((resolve, reject) => {
      const req = request(new URL(url, origin), {
        method: "GET",
        headers: { host, accept: "text/html", "accept-language": locale, cookie: `${LOCALE_COOKIE}=${locale}`, "x-wv-page-render": marker },
      });
      req.once("error", reject);
      req.once("response", (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on("data", (/** @type {Buffer} */ c) => chunks.push(c));
        res.once("error", reject);
        res.once("end", () => {
          /** @type {[string, string][]} */
          const headers = [];
          for (const [name, value] of Object.entries(res.headers)) {
            if (DROPPED.has(name) || value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
          }
          resolve({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks) });
        });
      });
      req.end();
    });
}

/**
 * Bounded twice: at most `maxEntries` keys and at most `maxBytes` of stored bodies (each page's
 * body plus its gzip copy), the oldest going first. Entries alone did not bound it: 2,000 keys of
 * a 122 KB campaign page with its gzip are about 280 MB, more than the whole process uses.
 * @param {{ render: (url: string, locale: string) => Promise<Answer>; ttlMs?: number; maxEntries?: number; maxBytes?: number; now?: () => number }} options
 */
export function createPageCache({ render, ttlMs = 5000, maxEntries = 2000, maxBytes = 32 * 1024 * 1024, now = Date.now }) {
  /** How long before its expiry a page in demand is rendered again. */
  const refreshAheadMs = Math.min(1000, ttlMs / 5);
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** @type {Map<string, Promise<Entry>>} */
  const flights = new Map();
  /** `bytes`: what the stored bodies hold now (body + gzip of every entry). */
  const stats = { hits: 0, misses: 0, renders: 0, passes: 0, bytes: 0 };
  /** @param {Entry | undefined} entry */
  const sizeOf = (entry) => (entry && entry.page !== PASS ? entry.page.body.length + (entry.page.gzip?.length ?? 0) : 0);
  /** @param {string} key */
  const drop = (key) => {
    stats.bytes -= sizeOf(entries.get(key));
    entries.delete(key);
  };
  /** Bumped by a write that may change what pages show: renders begun before it are not kept. */
  let generation = 0;

  /** @param {string} key @param {string} url @param {string} locale @returns {Promise<Entry>} */
  async function renderOnce(key, url, locale) {
    stats.renders++;
    const bornAt = now();
    const startedIn = generation;
    /** @type {Entry["page"]} */
    let page = PASS;
    try {
      const answer = await render(url, locale);
      const cacheable = answer.status === 200 && !answer.headers.some(([name]) => name.toLowerCase() === "set-cookie");
      if (cacheable) page = kept(answer, bornAt);
    } catch {
      // Next answers this visitor itself below; the next miss tries again.
      return { page: PASS, bornAt: -Infinity };
    }
    if (startedIn !== generation) return /** @type {Entry} */ ({ page, bornAt });
    const entry = /** @type {Entry} */ ({ page, bornAt });
    const size = sizeOf(entry);
    drop(key);
    // A page larger than the whole budget is served to the visitors waiting for it, not stored.
    if (size > maxBytes) return entry;
    // Oldest first (Map order): a flood of distinct paths evicts, it does not grow the heap.
    for (const k of entries.keys()) {
      if (entries.size < maxEntries && stats.bytes + size <= maxBytes) break;
      drop(k);
    }
    entries.set(key, entry);
    stats.bytes += size;
    return entry;
  }

  /**
   * The fresh entry for key: stored, or the one render in flight, or a new render.
   * @param {string} key @param {string} url @param {string} locale
   * @returns {{ entry: Entry | Promise<Entry>; hit: boolean }}
   */
  function lookup(key, url, locale) {
    const stored = entries.get(key);
    const age = stored ? now() - stored.bornAt : Infinity;
    if (stored && age < ttlMs) {
      // Rendered again a little before it expires, by one request that is itself served the
      // stored page: under load no visitor waits for a render, and none gets a page older than
      // the TTL (a render that ends after the expiry is waited for, as on any miss).
      if (age >= ttlMs - refreshAheadMs && !flights.has(key)) fly(key, url, locale).catch(() => {});
      return { entry: stored, hit: true };
    }
    return { entry: flights.get(key) ?? fly(key, url, locale), hit: false };
  }

  /** Starts the one render of key (single flight). @param {string} key @param {string} url @param {string} locale */
  function fly(key, url, locale) {
    const flight = renderOnce(key, url, locale).finally(() => flights.delete(key));
    flights.set(key, flight);
    return flight;
  }

  /**
   * A render as it is kept: the gzip made once, and the headers of both encodings built once,
   * so a hit only adds its x-cache and age.
   * @param {Answer} answer @param {number} bornAt @returns {Page}
   */
  function kept(answer, bornAt) {
    /** @type {Record<string, string | string[]>} */
    const head = {};
    for (const [name, value] of answer.headers) {
      if (name === "set-cookie") continue; // never stored; belt and braces
      const before = head[name];
      head[name] = before === undefined ? value : [before, value].flat();
    }
    head["cache-control"] = `public, max-age=0, s-maxage=${Math.max(1, Math.floor(ttlMs / 1000))}`;
    head.vary = "Accept-Encoding, Accept-Language, Cookie";
    const gzip = answer.body.length > 1024 ? gzipSync(answer.body) : null;
    return {
      ...answer,
      gzip,
      bornAt,
      plainHead: { ...head, "content-length": String(answer.body.length) },
      gzipHead: gzip ? { ...head, "content-encoding": "gzip", "content-length": String(gzip.length) } : null,
    };
  }

  /** @param {Page} page @param {boolean} hit @param {Req} req @param {Res} res */
  function send(page, hit, req, res) {
    const gzip = page.gzipHead !== null && GZIP.test(String(req.headers["accept-encoding"] ?? ""));
    const head = { ...(gzip && page.gzipHead ? page.gzipHead : page.plainHead), "x-cache": hit ? "HIT" : "MISS", age: String(Math.max(0, Math.floor((now() - page.bornAt) / 1000))) };
    res.writeHead(page.status, head);
    res.end(req.method === "HEAD" ? undefined : gzip ? (page.gzip ?? page.body) : page.body);
  }

  function clear() {
    generation++;
    entries.clear();
    stats.bytes = 0;
  }

  return {
    stats,
    /**
     * Answers req from the cache and returns true, or returns false (not a cached page: the
     * caller hands it to Next). `fallback` answers a visitor whose page turned out not to be
     * for everyone.
     * @param {Req} req @param {Res} res @param {(req: any, res: any) => unknown} fallback
     */
    take(req, res, fallback) {
      const found = pageKey(req.method, req.url, req.headers);
      if (!found) return false;
      const { entry, hit } = lookup(found.key, found.url, found.locale);
      const answer = (/** @type {Entry} */ e) => {
        if (e.page === PASS) {
          stats.passes++;
          return fallback(req, res);
        }
        if (hit) stats.hits++;
        else stats.misses++;
        send(e.page, hit, req, res);
      };
      if (entry instanceof Promise) void entry.then(answer, () => fallback(req, res));
      else answer(entry);
      return true;
    },
    /**
     * Staff and account writes (tRPC mutations, server actions) are rare and change what public
     * pages show (a petition published, answered, a campaign's phase), so once one is answered
     * this process renders every page again: its writer reads their write. The hot writes
     * (ballots, signatures, reports, tokens) do not, so a viral petition's signing does not
     * defeat the cache; their figures move in released steps anyway. Other instances catch up
     * within the TTL.
     */
    /** @param {Req} req @param {{ once(event: "finish", fn: () => void): unknown }} res */
    watchWrite(req, res) {
      if (req.method !== "POST") return;
      const path = req.url?.split("?", 1)[0] ?? "";
      const write = path.startsWith("/api/trpc/") || req.headers["next-action"] !== undefined;
      if (write) res.once("finish", clear);
    },
    clear,
  };
}

/**
 * The cache for serve.mjs: renders through `server` itself. `isRender(req)` tells the server's
 * own render requests (which go straight to Next) from visitors'.
 * @param {import("node:http").Server} server
 * @param {{ host?: string; ttlMs: number }} options
 */
export function servePageCache(server, { host, ttlMs }) {
  const marker = randomBytes(16).toString("hex");
  /** @type {((url: string, locale: string) => Promise<Answer>) | null} */
  let render = null;
  const cache = createPageCache({
    ttlMs,
    render: (url, locale) => {
      if (!render) {
        const address = server.address();
        const port = typeof address === "object" && address ? address.port : 0;
        const ip = typeof address === "object" && address && address.address !== "::" && address.address !== "0.0.0.0" ? address.address : "127.0.0.1";
        render = renderThrough(`http://${ip.includes(":") ? `[${ip}]` : ip}:${port}`, host ?? `localhost:${port}`, marker);
      }
      return render(url, locale);
    },
  });
  return {
    cache,
    /** @param {Req} req */
    isRender(req) {
      if (req.headers["x-wv-page-render"] !== marker) return false;
      delete req.headers["x-wv-page-render"];
      return true;
    },
  };
}
