import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import type { SessionAccount } from "~/features/accounts/data";
import { revokeSession } from "~/features/accounts/mutations";
import { moderationScopeOf } from "~/features/moderation/data";
import { moderatePetition, sponsorPetition, startPetition } from "~/features/petitions/mutations";
import { openMonths } from "~/features/reports/months";
import { POST as castBallot } from "~/app/api/ballots/route";
import { POST as signPetition } from "~/app/api/signatures/route";
import { POST as submitReport } from "~/app/api/reports/route";
import { POST as updateReport } from "~/app/api/reports/update/route";
import { POST as withdrawSignature } from "~/app/api/signatures/withdraw/route";
import { makeCampaign } from "~/test/campaign-factories";
import { makePlatform, makeStaff, makeWorker, moderatingUnionOf } from "~/test/factories";
import { validReport } from "~/test/report-input";
import { chinaToday } from "~/lib/days";
import { cookieFor } from "~/test/write-client";

// The hot writes bypass tRPC (src/server/api/write-route.ts), so they get their own role matrix
// and the protections the tRPC route has: same origin, 64 KB bodies, strict input, rate limits.
type Role = SessionAccount["role"] | "ANONYMOUS";
const ROUTES = { ballots: castBallot, signatures: signPetition, reports: submitReport };
/** The other write of the same islands (the sign panel, the report form), on the same transport. */
const OTHER_WRITES = { "signatures/withdraw": withdrawSignature, "reports/update": updateReport };

async function post(route: (req: Request) => Promise<Response>, body: unknown, opts: { account?: SessionAccount | null; headers?: Record<string, string> } = {}) {
  const req = new Request("http://localhost:3000/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", cookie: await cookieFor(opts.account ?? null), ...opts.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await route(req);
  const json = (await res.json()) as { result?: unknown; error?: { appCode: string } };
  return { status: res.status, code: json.error?.appCode ?? "OK", result: json.result, headers: res.headers };
}

async function fixtures() {
  const platform = await makePlatform();
  const union = { id: await moderatingUnionOf(platform) };
  const campaign = await makeCampaign({ demands: 2, phase: "VOTING" });
  const starter = (await makeWorker()).account;
  const { id: petitionId, sponsorToken } = await startPetition(starter.accountId, {
    title: "Pay waiting time at pickup",
    ask: "Pay riders for every minute they wait beyond five minutes.",
    reason: "We wait twenty minutes for orders and lose income.",
    target: { kind: "PLATFORM", platformId: platform.id },
    durationDays: 90,
  });
  for (let i = 0; i < 5; i++) await sponsorPetition((await makeWorker()).account.accountId, petitionId, sponsorToken);
  const organiser = (await makeStaff("ORGANISER", union.id)).account;
  await moderatePetition(organiser.accountId, await moderationScopeOf(union.id), { petitionId, decision: "PUBLISH" });
  const month = openMonths(chinaToday())[0]!;
  return {
    platform,
    campaign,
    petitionId,
    accounts: {
      ANONYMOUS: null,
      WORKER: (await makeWorker()).account,
      ORGANISER: organiser,
      PLATFORM_REP: (await makeStaff("PLATFORM_REP", platform.id)).account,
      ADMIN: (await makeStaff("ADMIN")).account,
    } as Record<Role, SessionAccount | null>,
    inputs: {
      ballots: { campaignId: campaign.campaignId, demandIds: campaign.demandIds },
      signatures: { petitionId },
      reports: validReport({ platformSlug: platform.slug, month }),
    },
  };
}

afterEach(() => {
  process.env.WV_DISABLE_RATE_LIMITS = "1";
});

describe("write routes", () => {
  it("are all listed here, so none escapes the role matrix", () => {
    const api = path.resolve(import.meta.dirname, "../../app/api");
    const found = readdirSync(api, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts") && readFileSync(path.join(api, f), "utf8").includes("writeRoute("))
      .map((f) => path.dirname(f).split(path.sep).join("/"));
    // The token routes (tokens/issue, a writeRoute; tokens/ballot, an openWriteRoute that reads no
    // session) have their matrix in src/features/tokens/routes.integration.test.ts.
    expect(found.sort()).toEqual([...Object.keys(ROUTES), ...Object.keys(OTHER_WRITES), "tokens/issue"].sort());
  });

  it("admit only workers to withdrawing and correcting too", async () => {
    const f = await fixtures();
    const inputs = { "signatures/withdraw": { petitionId: f.petitionId }, "reports/update": { id: "no-such-report", report: f.inputs.reports } };
    // A worker passes the rung and meets the write's own answer (nothing to withdraw or correct).
    const workerCode = { "signatures/withdraw": "NOT_SIGNED", "reports/update": "NOT_FOUND" };
    for (const [name, route] of Object.entries(OTHER_WRITES) as [keyof typeof OTHER_WRITES, (req: Request) => Promise<Response>][]) {
      for (const [role, account] of Object.entries(f.accounts) as [Role, SessionAccount | null][]) {
        const expected = role === "WORKER" ? workerCode[name] : role === "ANONYMOUS" ? "UNAUTHORIZED" : "FORBIDDEN";
        expect((await post(route, inputs[name], { account })).code, `${name} as ${role}`).toBe(expected);
      }
    }
  });

  it("admit only workers, refusing every other role before reading the input", async () => {
    const f = await fixtures();
    for (const [name, route] of Object.entries(ROUTES)) {
      expect(route.roles, name).toEqual(["WORKER"]);
      for (const [role, account] of Object.entries(f.accounts) as [Role, SessionAccount | null][]) {
        const res = await post(route, f.inputs[name as keyof typeof ROUTES], { account });
        const expected = role === "WORKER" ? "OK" : role === "ANONYMOUS" ? "UNAUTHORIZED" : "FORBIDDEN";
        expect(res.code, `${name} as ${role}`).toBe(expected);
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
    }
    expect(await db.ballot.count({ where: { campaignId: f.campaign.campaignId } })).toBe(1);
    expect(await db.petitionSignature.count({ where: { petitionId: f.petitionId } })).toBe(1);
    expect(await db.report.count({ where: { platformId: f.platform.id } })).toBe(1);
  });

  it("refuse smuggled fields, bad JSON, other origins, other content types and oversized bodies, storing nothing", async () => {
    const f = await fixtures();
    const account = f.accounts.WORKER;
    const ballot = f.inputs.ballots;
    expect(await post(castBallot, { ...ballot, role: "ADMIN" }, { account })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    expect(await post(castBallot, { ...ballot, unionId: "x" }, { account })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    expect(await post(castBallot, "{not json", { account })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    expect(await post(castBallot, ballot, { account, headers: { origin: "https://evil.example" } })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await post(castBallot, ballot, { account, headers: { "sec-fetch-site": "cross-site" } })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await post(castBallot, ballot, { account, headers: { "content-type": "text/plain" } })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const huge = { ...f.inputs.reports, narrative: "x".repeat(70 * 1024) };
    expect(await post(submitReport, huge, { account })).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(await db.ballot.count({ where: { campaignId: f.campaign.campaignId } })).toBe(0);
    expect(await db.report.count({ where: { platformId: f.platform.id } })).toBe(0);
    // The page's own origin is fine, and domain errors come back as their translated code.
    expect(await post(castBallot, ballot, { account, headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } })).toMatchObject({ status: 200 });
    expect(await post(castBallot, { ...ballot, demandIds: [ballot.demandIds[0], ballot.demandIds[0]] }, { account })).toMatchObject({ status: 400, code: "BALLOT_REPEATED" });
    expect(await post(signPetition, f.inputs.signatures, { account })).toMatchObject({ status: 200, result: { signatures: 1 } });
    expect(await post(signPetition, f.inputs.signatures, { account })).toMatchObject({ status: 409, code: "ALREADY_SIGNED" });
  });

  it("stop a signed-out session at once and apply the vote rate limit", async () => {
    const f = await fixtures();
    const account = f.accounts.WORKER!;
    expect((await post(castBallot, f.inputs.ballots, { account })).status).toBe(200);
    await revokeSession(account.sessionId);
    expect(await post(castBallot, f.inputs.ballots, { account })).toMatchObject({ status: 401, code: "UNAUTHORIZED" });

    process.env.WV_DISABLE_RATE_LIMITS = "0";
    const voter = (await makeWorker()).account;
    const forwarded = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` };
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push((await post(castBallot, f.inputs.ballots, { account: voter, headers: forwarded })).code);
    expect(codes.slice(0, 30).every((c) => c === "OK")).toBe(true);
    expect(codes[30]).toBe("RATE_LIMITED");
  });
});
