import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "~/server/db";
import { secrets } from "~/server/secrets";
import { sessionCookieName } from "~/server/auth/cookies";
import type { SessionAccount } from "~/features/accounts/data";
import { appRouter } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/trpc";
import { GET, POST } from "~/app/api/trpc/[trpc]/route";
import { makeCampaign } from "~/test/campaign-factories";
import { makePlatform, makeStaff, makeUnion, makeWorker, solvedJoinProof } from "~/test/factories";

// Issue 13, part 2: a page on another origin (another port or subdomain is same-site, so a
// SameSite=Lax cookie still rides along) must not run any mutation as the signed-in victim.
// Every mutation of the router, found programmatically, gets every kind of request such a page
// can send: foreign Origin and Sec-Fetch-Site, and the form content types a browser sends
// without a CORS preflight. All are refused, and no table changes.
type Procedure = { _def: { meta?: ProcedureMeta; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const mutations = procedures.filter(([, p]) => p._def.type === "mutation");

const HOST = "localhost:3000";
const json = (input: unknown) => JSON.stringify({ json: input });
const form = () => {
  const data = new FormData();
  data.set("title", "x");
  return data;
};
const ATTACKS: { name: string; headers: Record<string, string>; body: () => BodyInit }[] = [
  { name: "JSON from another port (same-site)", headers: { "content-type": "application/json", origin: "http://localhost:3001", "sec-fetch-site": "same-site" }, body: () => json({}) },
  { name: "JSON from another site", headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body: () => json({}) },
  { name: "JSON, Sec-Fetch-Site same-site only", headers: { "content-type": "application/json", "sec-fetch-site": "same-site" }, body: () => json({}) },
  { name: "JSON, Origin of a subdomain only", headers: { "content-type": "application/json", origin: "http://evil.localhost:3000" }, body: () => json({}) },
  { name: "text/plain", headers: { "content-type": "text/plain;charset=UTF-8" }, body: () => json({}) },
  { name: "multipart/form-data", headers: {}, body: form },
  { name: "multipart/form-data from another port", headers: { origin: "http://localhost:3001", "sec-fetch-site": "same-site" }, body: form },
  { name: "application/x-www-form-urlencoded", headers: { "content-type": "application/x-www-form-urlencoded" }, body: () => "title=x" },
];

async function cookieFor(account: SessionAccount) {
  const token = await encode({ token: { sid: account.sessionId, role: account.role }, secret: secrets.authSecret });
  return `${sessionCookieName}=${token}`;
}

/** A digest of every table's rows: equal before and after means nothing was written. */
async function databaseDigest() {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ h: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`);
    parts.push(`${name}:${row?.h ?? "-"}`);
  }
  return parts.join("\n");
}

async function call(handler: (req: Request) => Promise<Response>, path: string, init: { method: string; headers: Record<string, string>; body?: BodyInit }) {
  const res = await handler(new Request(`http://${HOST}/api/trpc/${path}`, { ...init, headers: { host: HOST, ...init.headers } }));
  const text = await res.text();
  return { status: res.status, text };
}

describe("tRPC refuses cross-origin and non-JSON requests", () => {
  it("runs no mutation for a page on another origin, with any content type, and changes nothing", async () => {
    expect(mutations.length).toBeGreaterThan(20);
    const union = await makeUnion();
    const platform = await makePlatform();
    const worker = (await makeWorker()).account;
    const accounts: Record<SessionAccount["role"], SessionAccount> = {
      WORKER: worker,
      ORGANISER: (await makeStaff("ORGANISER", union.id)).account,
      PLATFORM_REP: (await makeStaff("PLATFORM_REP", platform.id)).account,
      ADMIN: (await makeStaff("ADMIN")).account,
    };
    // Something for notifications.markAllRead to change, had it run.
    const { campaignId } = await makeCampaign();
    await db.notification.create({ data: { accountId: worker.accountId, kind: "VOTING_OPEN", campaignId } });

    const before = await databaseDigest();
    for (const [path, proc] of mutations) {
      const roles = proc._def.meta!.roles;
      const victim = accounts[roles === "public" ? "WORKER" : roles[0]!];
      const cookie = await cookieFor(victim);
      for (const attack of ATTACKS) {
        const res = await call(POST, path, { method: "POST", headers: { cookie, ...attack.headers }, body: attack.body() });
        expect(res.status, `${path}: ${attack.name}`).toBe(403);
        expect(JSON.parse(res.text), `${path}: ${attack.name}`).toMatchObject({ error: { json: { data: { appCode: "FORBIDDEN" } } } });
      }
    }
    expect(await databaseDigest()).toBe(before);

    // The same calls from the page itself work: the digest does see writes.
    const cookie = await cookieFor(worker);
    const own = { "content-type": "application/json", origin: `http://${HOST}`, "sec-fetch-site": "same-origin", cookie };
    expect((await call(POST, "notifications.markAllRead", { method: "POST", headers: own, body: json(undefined) })).status).toBe(200);
    expect((await call(POST, "accounts.create", { method: "POST", headers: { "content-type": "application/json" }, body: json(await solvedJoinProof()) })).status).toBe(200);
    expect(await databaseDigest()).not.toBe(before);
  });

  it("refuses batched mutations and cross-site queries as well, one answer per call", async () => {
    const batch = await call(POST, "accounts.create,notifications.markAllRead?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3001", "sec-fetch-site": "same-site" },
      body: JSON.stringify({ 0: { json: null }, 1: { json: null } }),
    });
    expect(batch.status).toBe(403);
    expect(JSON.parse(batch.text)).toHaveLength(2);
    const query = await call(GET, "accounts.platforms?input=%7B%7D", { method: "GET", headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect(query.status).toBe(403);
    expect((await call(GET, "accounts.platforms", { method: "GET", headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
  });
});
