import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { migrationSql } from "../src/test/migrations";
import { joinInput } from "./support/join-proof";

// Issue 13 over real HTTP, through the production server (src/scripts/serve.mjs) with rate
// limits ON: its own instance, port and data directory (the suite's server turns limits off).
// 1. A client-sent X-Forwarded-For (or X-Real-IP, Forwarded) does not make a new address: 104
//    account creations with a new header value each meet the limit of 100 an hour, and sign-in
//    guessing meets its limit of 10 a minute. Behind a trusted proxy (here ::1), the rightmost
//    hop it appended counts, and what the client wrote left of it does not.
// 2. next-auth's sign-in and Next's server actions keep their own cross-site checks.
// No page is visited, so no axe check here.
const root = path.resolve(import.meta.dirname, "..");
const port = E2E_PORT + 500;
const v4 = `http://127.0.0.1:${port}`;
const v6 = `http://[::1]:${port}`;
// PRIVACY.md: 100 new accounts an hour per address, each behind a proof of work.
const CREATE_LIMIT = 100;
const SIGN_IN_LIMIT = 10;

let server: ChildProcess;

async function preparedDataDir() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "wv-edge-"));
  const db = new PGlite(path.join(dataDir, "pglite"));
  for (const sql of migrationSql()) await db.exec(sql);
  await db.close();
  return dataDir;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env = { ...process.env, DATA_DIR: await preparedDataDir(), DATABASE_URL: "", REDIS_URL: "", WV_DISABLE_RATE_LIMITS: "0", WV_DISABLE_SCHEDULER: "1", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://localhost:${port}`, TRUSTED_PROXIES: "::1" };
  server = spawn(process.execPath, [path.join(root, "src", "scripts", "serve.mjs"), "-p", String(port)], { cwd: root, env, stdio: "ignore" });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${v4}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
});
test.afterAll(() => void server?.kill("SIGTERM"));

const randomIp = () => `${randomInt(1, 223)}.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
const spoofed = () => ({ "x-forwarded-for": randomIp(), "x-real-ip": randomIp(), forwarded: `for=${randomIp()}` });

async function createAccount(base: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/api/trpc/accounts.create`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(await joinInput(`${base}/api/trpc`)) });
  const body = (await res.json()) as { result?: { data: { json: { key: string } } }; error?: { json: { data: { appCode: string } } } };
  return { status: res.status, code: body.error?.json.data.appCode ?? "OK", key: body.result?.data.json.key };
}

/** next-auth's own flow: the CSRF token from /api/auth/csrf with its cookie, then the callback. */
async function signIn(base: string, key: string, opts: { headers?: Record<string, string>; withCsrf?: boolean } = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: opts.headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
  const form = new URLSearchParams({ key, ...(opts.withCsrf === false ? {} : { csrfToken }), json: "true" });
  const res = await fetch(`${base}/api/auth/callback/worker-key`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: opts.withCsrf === false ? "" : cookie, "x-auth-return-redirect": "1", ...opts.headers },
    body: form,
  });
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const session = res.headers.getSetCookie().some((c) => /next-auth\.session-token=[^;]/.test(c));
  return { error: new URL(location, base).searchParams.get("error"), csrfRefused: new URL(location, base).searchParams.get("csrf") === "true", session };
}

test.describe.serial("the client address is set at the edge", () => {
  let workerKey = "";

  test("104 account creations with a new X-Forwarded-For each: refused after 100", async () => {
    const results = [];
    for (let i = 0; i < CREATE_LIMIT + 4; i++) results.push(await createAccount(v4, spoofed()));
    expect(results.map((r) => r.code)).toEqual([...Array(CREATE_LIMIT).fill("OK"), ...Array(4).fill("RATE_LIMITED")]);
    expect(results.at(-1)!.status).toBe(429);
    workerKey = results[0]!.key!;
  });

  test("behind the trusted proxy, the hop it appended is the address, not what the client wrote", async () => {
    // The proxy (::1) appends the peer it saw; the client's own claims sit left of it.
    const behind = (peer: string) => ({ "x-forwarded-for": `${randomIp()}, ${peer}` });
    const peer = "203.0.113.77";
    const codes = [];
    for (let i = 0; i < CREATE_LIMIT + 2; i++) codes.push((await createAccount(v6, behind(peer))).code);
    expect(codes).toEqual([...Array(CREATE_LIMIT).fill("OK"), "RATE_LIMITED", "RATE_LIMITED"]);
    // Another client behind the same proxy has its own budget; an IPv6 one is keyed by its /64.
    expect((await createAccount(v6, behind("203.0.113.78"))).code).toBe("OK");
    for (let i = 0; i < CREATE_LIMIT; i++) expect((await createAccount(v6, behind(`2001:db8:7:7::${i.toString(16)}`))).code).toBe("OK");
    expect((await createAccount(v6, behind("2001:db8:7:7:ffff::1"))).code).toBe("RATE_LIMITED");
  });

  test("sign-in guessing with a new X-Forwarded-For each: refused after 10 a minute", async () => {
    const errors = [];
    for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) errors.push((await signIn(v4, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-JJJJ", { headers: spoofed() })).error);
    expect(errors.slice(0, SIGN_IN_LIMIT).every((e) => e !== "RATE_LIMITED")).toBe(true);
    expect(errors.slice(SIGN_IN_LIMIT)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    // Even the right key is refused from that address now; through the proxy, for another client, it works.
    expect((await signIn(v4, workerKey, { headers: spoofed() })).error).toBe("RATE_LIMITED");
    expect(await signIn(v6, workerKey, { headers: { "x-forwarded-for": "198.51.100.40" } })).toMatchObject({ error: null, session: true });
  });
});

test.describe("cross-site requests to next-auth and server actions", () => {
  test("next-auth refuses a sign-in post without its CSRF token, as a page on another port would send it", async () => {
    const { key } = await createAccount(v6, { "x-forwarded-for": "198.51.100.41" });
    const crossSite = { origin: "http://localhost:3001", "sec-fetch-site": "same-site", "x-forwarded-for": "198.51.100.42" };
    expect(await signIn(v6, key!, { headers: crossSite, withCsrf: false })).toMatchObject({ csrfRefused: true, session: false });
    expect(await signIn(v6, key!, { headers: { "x-forwarded-for": "198.51.100.42" } })).toMatchObject({ error: null, session: true });
  });

  test("a server action posted by a form on another origin does not run; from the page itself it does", async () => {
    const html = await (await fetch(`${v4}/`)).text();
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
    expect(actionField, "the language switch form carries its action id").toBeTruthy();
    const post = (headers: Record<string, string>) => {
      const form = new FormData();
      form.set(actionField!, "");
      form.set("locale", "en");
      return fetch(`${v4}/`, { method: "POST", body: form, redirect: "manual", headers });
    };
    const localeSet = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith("wv-locale=en"));
    for (const origin of ["http://localhost:3001", "https://evil.example", "http://evil.localhost:" + port]) {
      const res = await post({ origin, "sec-fetch-site": "same-site" });
      expect(localeSet(res), origin).toBe(false);
      expect(res.status, origin).toBeGreaterThanOrEqual(400);
    }
    expect(localeSet(await post({ origin: v4, "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});

test("the production server sends HSTS and Secure cookies on http://localhost by default", async () => {
  const res = await fetch(`${v4}/`);
  expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  const csrf = await fetch(`${v4}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie();
  expect(cookies.some((c) => c.startsWith("__Host-next-auth.csrf-token=") && /;\s*Secure/i.test(c))).toBe(true);
});
