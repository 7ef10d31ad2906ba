import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hotRouteFor, hotRouteMap, serveHotRoute } from "./hot-routes.mjs";
import { securityHeaders } from "~/lib/security-headers";
import { hotRoutes } from "~/server/api/hot-routes";
import { makeCampaign } from "~/test/campaign-factories";
import { makeWorker } from "~/test/factories";
import { cookieFor } from "~/test/write-client";
import { POST as castBallot } from "~/app/api/ballots/route";
import { POST as submitReport } from "~/app/api/reports/route";
import { GET as mePage } from "~/app/api/me/page/route";
import { db } from "~/server/db";

// serve.mjs answers the hot routes from their plain handlers, straight from Node's request,
// while Next (and every other test) calls the same routes as Request -> Response. A client must
// not be able to tell the two apart: the same status, body and headers for the same request.

type Sent = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };
type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

const routes = hotRouteMap(hotRoutes, "src/server/api/hot-routes.ts");
let server: Server;
let port = 0;
const incidents: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const hot = hotRouteFor(routes, req.method, req.url);
    if (!hot) return void res.writeHead(404).end();
    void serveHotRoute(hot, req, res, { securityHeaders, onError: (error) => (incidents.push(error), "incident") });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Through serve.mjs's hot path, over real HTTP (node:http: fetch would not send our Host). */
function viaServe(sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: sent.method, path: sent.path, headers: sent.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    req.end(sent.body);
  });
}

/** Through Next's route handler, as a Request. */
async function viaNext(handler: (req: Request) => Promise<Response>, sent: Sent): Promise<Answer> {
  const res = await handler(new Request(`http://localhost:3000${sent.path}`, { method: sent.method, headers: sent.headers, body: sent.body }));
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  return { status: res.status, body: await res.text(), headers };
}

const ROUTE_HEADERS = ["content-type", "cache-control", "content-security-policy", "vary", "retry-after"];

async function expectSameAnswer(handler: (req: Request) => Promise<Response>, sent: Sent, expected: { status: number; code?: string }) {
  const next = await viaNext(handler, sent);
  const served = await viaServe(sent);
  expect(next.status).toBe(expected.status);
  expect(served.status).toBe(next.status);
  if (expected.code) expect((JSON.parse(served.body) as { error?: { appCode: string } }).error?.appCode).toBe(expected.code);
  for (const name of ROUTE_HEADERS) expect(served.headers[name], name).toEqual(next.headers[name]);
  // The site's headers come once each, beside the route's own.
  for (const { key, value } of securityHeaders) expect(served.headers[key.toLowerCase()], key).toBe(value);
  expect(Number(served.headers["content-length"])).toBe(Buffer.byteLength(served.body));
  return { next, served };
}

describe("serve.mjs's hot path answers what the route handler answers", () => {
  it("for a write, its refusals and a body past the limit, storing the same", async () => {
    const campaign = await makeCampaign({ demands: 2, phase: "VOTING" });
    const [first, second] = [(await makeWorker()).account, (await makeWorker()).account];
    const post = async (account: typeof first | null, body: string, extra: Record<string, string> = {}): Promise<Sent> => ({
      method: "POST",
      path: "/api/ballots",
      headers: { "content-type": "application/json", host: "localhost:3000", origin: "http://localhost:3000", cookie: await cookieFor(account), ...extra },
      body,
    });
    const ballot = JSON.stringify({ campaignId: campaign.campaignId, demandIds: campaign.demandIds });

    // Each voter once through each path: the ballot and its answer's shape are the same.
    const a = await viaNext(castBallot, await post(first, ballot));
    const b = await viaServe(await post(second, ballot));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Object.keys(JSON.parse(b.body) as object)).toEqual(Object.keys(JSON.parse(a.body) as object));
    expect(b.headers["content-type"]).toBe(a.headers["content-type"]);
    expect(await db.ballot.count({ where: { campaignId: campaign.campaignId } })).toBe(2);

    await expectSameAnswer(castBallot, await post(first, "{not json"), { status: 400, code: "BAD_INPUT" });
    await expectSameAnswer(castBallot, await post(first, ballot, { origin: "https://evil.example" }), { status: 403, code: "FORBIDDEN" });
    await expectSameAnswer(castBallot, await post(null, ballot), { status: 401, code: "UNAUTHORIZED" });
    const huge = JSON.stringify({ narrative: "x".repeat(70 * 1024) });
    const { served } = await expectSameAnswer(submitReport, { ...(await post(first, huge)), path: "/api/reports" }, { status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(served.headers.connection).not.toBe("close"); // read whole (under serve's 1-MB cap): the connection stays usable
    expect(await db.ballot.count({ where: { campaignId: campaign.campaignId } })).toBe(2);
    expect(incidents).toEqual([]);
  });

  it("for the personal state of a page, with its query", async () => {
    const campaign = await makeCampaign({ demands: 2, phase: "VOTING" });
    const worker = (await makeWorker()).account;
    const path = `/api/me/page?path=${encodeURIComponent(`/campaigns/${campaign.campaignId}`)}`;
    const { next, served } = await expectSameAnswer(mePage, { method: "GET", path, headers: { host: "localhost:3000", cookie: await cookieFor(worker) } }, { status: 200 });
    expect(JSON.parse(served.body)).toEqual(JSON.parse(next.body));
    expect(JSON.parse(served.body)).toMatchObject({ account: { role: "WORKER" }, campaign: { ballot: null } });
    const anonymous = await expectSameAnswer(mePage, { method: "GET", path, headers: { host: "localhost:3000" } }, { status: 200 });
    expect(JSON.parse(anonymous.served.body)).toEqual(JSON.parse(anonymous.next.body));
  });
});
