import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { startCluster, type Cluster } from "./cluster";
import { startNginx, type Nginx } from "~/deploy/start-nginx";
import { serveApp, type ServedApp } from "./served-app";
import { bodyOf, send, type Targets } from "./writes";
import type { Worker } from "./fixtures";

// Issue 15: two app instances on one PostgreSQL and one Redis, nginx in front with the deployed
// rules (src/deploy/). What a worker relies on whichever instance answers: a sign-out or a
// suspension holds everywhere within 1 s, a rate limit spent on one instance holds on the
// other, the hourly jobs run once between them, and a public page agrees across instances (and
// nginx's cache) within the staleness bound.
const PG_PORT = 25480;
const NGINX_PORT = 3380;
const PORTS = [3381, 3382];
// A database index of this test's own on the machine's Redis (CI starts it), emptied first.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/14";
// How stale a public page may be: the app's own page cache (a few seconds, if any) behind
// nginx's (3 s, src/deploy/nginx-proxy.conf), plus a render.
const STALENESS_BOUND_MS = 10_000;

let cluster: Cluster | undefined;
let apps: ServedApp[] = [];
let nginx: Nginx | undefined;
let redis: Redis | undefined;
let ws: Worker[] = [];
let t: Targets;
let nextWorker = 0;
const worker = () => ws[nextWorker++]!;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  await redis.flushdb();
  cluster = await startCluster(PG_PORT);
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  process.env.DATABASE_URL = cluster.url;
  const f = await import("./fixtures");
  t = await f.targets();
  ws = await f.signedInWorkers(50);
  const { closeDb } = await import("~/server/db");
  await closeDb();
  const env = {
    REDIS_URL,
    TRUSTED_PROXIES: "127.0.0.1,::1",
    WV_DISABLE_RATE_LIMITS: "0",
    NEXTAUTH_URL: `http://localhost:${NGINX_PORT}`,
    DB_POOL_SIZE: "4",
  };
  // Started together, so both schedulers tick at once and race for the hour's jobs.
  apps = await Promise.all(PORTS.map((port) => serveApp(port, cluster!.url, env, { captureStdout: true })));
  nginx = await startNginx(NGINX_PORT, PORTS);
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(apps.map((a) => a.stop()));
  await cluster?.destroy();
  await redis?.flushdb();
  redis?.disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A signed-in read (is my signature there?): 200 while the session holds, 401 once it does not. */
async function sessionStatus(url: string, cookie: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { petitionId: t.petitionId } }));
  const res = await fetch(`${url}/api/trpc/petitions.mySignature?input=${input}`, { headers: { cookie, "x-forwarded-for": "198.51.100.200" } });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Polls until the session is refused (5 s at most); the milliseconds from `since` to the start of
 * the last request still answered as signed in, or -1 if none was. "Within 1 s" means no request
 * started more than 1 s after the change is accepted; the first refusal may come a poll later.
 */
async function acceptedUntil(url: string, cookie: string, since: number) {
  let lastAccepted = -1;
  for (;;) {
    const started = performance.now();
    const status = await sessionStatus(url, cookie);
    if (status === 401) return lastAccepted;
    expect(status).toBe(200);
    lastAccepted = started - since;
    if (lastAccepted > 5_000) return Infinity;
    await sleep(25);
  }
}

/** next-auth's own sign-out: the CSRF token with its cookie, then the form post. */
async function signOut(url: string, cookie: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
  const res = await fetch(`${url}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  await res.arrayBuffer();
  expect([200, 302]).toContain(res.status);
}

const pastTheOneSecondRule = () => new Promise((r) => setTimeout(r, 1_300));

describe("two instances behind nginx", () => {
  it("refuse a session signed out on one instance on the other within 1 s", async () => {
    const [a, b] = apps as [ServedApp, ServedApp];
    const w = worker();
    // Both instances have the session in their caches, for longer than the 1-s rule: from then
    // on only the session listener's notification can end it (src/server/cluster/session-events.ts).
    expect(await sessionStatus(a.url, w.cookie)).toBe(200);
    expect(await sessionStatus(b.url, w.cookie)).toBe(200);
    await pastTheOneSecondRule();
    await signOut(a.url, w.cookie);
    const signedOut = performance.now();
    expect(await sessionStatus(a.url, w.cookie)).toBe(401);
    expect(await acceptedUntil(b.url, w.cookie, signedOut)).toBeLessThanOrEqual(1_000);
  });

  it("refuse a suspended account's session on every instance within 1 s", async () => {
    const w = worker();
    for (const app of apps) expect(await sessionStatus(app.url, w.cookie)).toBe(200);
    await pastTheOneSecondRule();
    // As an admin's suspension through a third instance: only the database changes.
    cluster!.psql(`UPDATE "Account" SET "suspended" = true WHERE "id" = '${w.accountId}'`);
    const suspended = performance.now();
    for (const app of apps) expect(await acceptedUntil(app.url, w.cookie, suspended)).toBeLessThanOrEqual(1_000);
  });

  it("hold a rate limit spent on one instance on the other", async () => {
    const [a, b] = apps as [ServedApp, ServedApp];
    // 10 reports an hour per address (src/server/rate-limit.ts), each from another worker, so
    // only the address is shared; X-Forwarded-For as nginx sets it (127.0.0.1 is trusted).
    const address = { "x-forwarded-for": "203.0.113.77" };
    for (let i = 0; i < 10; i++) {
      const w = worker();
      expect((await send(a.url, w.cookie, "report", bodyOf("report", t, i), i, address)).status).toBe(200);
    }
    const refused = await send(b.url, worker().cookie, "report", bodyOf("report", t, 10), 10, address);
    expect(refused).toMatchObject({ status: 429, appCode: "RATE_LIMITED" });
    // Another address is not limited.
    expect((await send(b.url, worker().cookie, "report", bodyOf("report", t, 11), 11, { "x-forwarded-for": "203.0.113.78" })).status).toBe(200);
  });

  it("take the client address from nginx, whatever a client claims", async () => {
    // Through nginx every request here comes from 127.0.0.1; a forged X-Forwarded-For per request
    // does not make new addresses, so the 11th report is refused by whichever instance gets it.
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push(await send(nginx!.url, worker().cookie, "report", bodyOf("report", t, i), i, { "x-forwarded-for": `192.0.2.${i + 1}` }));
    expect(outcomes.slice(0, 10).map((o) => o.status)).toEqual(Array(10).fill(200));
    expect(outcomes[10]).toMatchObject({ status: 429, appCode: "RATE_LIMITED" });
  });

  it("run the hourly jobs once between them", async () => {
    const runs = () => apps.flatMap((app) => app.stdout.map((line) => /^\[scheduler\] hour (\d+): ran/.exec(line)?.[1]).filter((h): h is string => !!h));
    for (let i = 0; i < 200 && runs().length === 0; i++) await sleep(100);
    const hours = runs();
    expect(hours.length).toBeGreaterThan(0);
    // Each hour's pass ran in one instance only (two hours if the test started across an hour).
    expect(new Set(hours).size).toBe(hours.length);
    const claimed = cluster!.psql(`SELECT count(*) FROM "JobClaim" WHERE "hour" IN (${hours.join(",")})`).trim();
    expect(Number(claimed)).toBe(hours.length);
  });

  it("show a public page the same through either instance and nginx within the staleness bound", async () => {
    const [a] = apps as [ServedApp, ServedApp];
    // The link preview's title carries the public count (shown from 5 signatures).
    const title = async (url: string) => {
      const res = await fetch(`${url}/petitions/${t.petitionId}`, { headers: { "accept-language": "en" } });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()).toEqual([]);
      return /<meta property="og:title" content="([^"]*)"/.exec(await res.text())?.[1] ?? "";
    };
    const before = await title(a.url);
    expect(before).not.toBe("");
    // A change on one instance: 12 signatures, past the 5 from which the count is shown.
    for (let i = 0; i < 12; i++) expect((await send(a.url, worker().cookie, "signature", bodyOf("signature", t, i), i, { "x-forwarded-for": `203.0.113.${100 + i}` })).status).toBe(200);
    const changed = performance.now();
    let seen: string[] = [];
    while (performance.now() - changed <= STALENESS_BOUND_MS) {
      seen = await Promise.all([...apps.map((app) => title(app.url)), title(nginx!.url)]);
      if (new Set(seen).size === 1 && seen[0] !== before) break;
      await sleep(200);
    }
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).not.toBe(before);
  });

  it("let nginx store only what the app marked public, and never a signed-in answer", async () => {
    const get = async (p: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${nginx!.url}${p}`, { headers });
      await res.arrayBuffer();
      return { status: res.status, cache: res.headers.get("x-cache"), control: res.headers.get("cache-control") ?? "" };
    };
    // Open data is public for a minute (src/features/opendata/respond.ts): one render, then hits.
    const open = `/api/v1/petitions/${t.petitionId}`;
    const first = await get(open);
    expect(first).toMatchObject({ status: 200, cache: "MISS" });
    expect(first.control).toContain("public");
    expect((await get(open)).cache).toBe("HIT");
    // A public page is the same for everyone (src/scripts/lib/page-cache.mjs): shared for a few
    // seconds, and it never sets a cookie, whoever asks.
    const page = `/petitions/${t.petitionId}`;
    for (const headers of [{}, { cookie: worker().cookie }] as Record<string, string>[]) {
      const res = await fetch(`${nginx!.url}${page}`, { headers });
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toMatch(/s-maxage=\d/);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    // A private page is marked no-store and rendered per request for every signed-in visitor.
    for (const headers of [{ cookie: worker().cookie }, { cookie: worker().cookie }]) {
      const r = await get("/me", headers);
      expect(r.status).toBe(200);
      expect(r.control).toContain("no-store");
      expect(r.cache).not.toBe("HIT");
    }
    // A POST is never answered from the cache.
    const res = await fetch(`${nginx!.url}/api/signatures`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await res.arrayBuffer();
    expect(res.headers.get("x-cache")).not.toBe("HIT");
  });
});
