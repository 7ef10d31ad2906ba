import { afterEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "~/server/db";
import { secrets } from "~/server/secrets";
import { sessionCookieName } from "~/server/auth/cookies";
import type { SessionAccount } from "~/features/accounts/data";
import { createInviteCodes, redeemInviteCode } from "~/features/verification/mutations";
import { POST as issue } from "~/app/api/tokens/issue/route";
import { POST as ballot } from "~/app/api/tokens/ballot/route";
import { POST as sessionBallot } from "~/app/api/ballots/route";
import { blindToken, finishToken } from "~/features/tokens/token-client";
import { callerFor, makeStaff, makeWorker } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";

// The two token routes over HTTP: issuance on the worker rung like every write route, the ballot
// without any session (it never reads one, even when a cookie comes along), both same-origin JSON.

async function post(route: (req: Request) => Promise<Response>, body: unknown, opts: { account?: SessionAccount | null; headers?: Record<string, string> } = {}) {
  const cookie = opts.account ? `${sessionCookieName}=${await encode({ token: { sid: opts.account.sessionId, role: opts.account.role }, secret: secrets.authSecret })}` : "";
  const res = await route(
    new Request("http://localhost:3000/api/x", { method: "POST", headers: { "content-type": "application/json", host: "localhost:3000", cookie, ...opts.headers }, body: JSON.stringify(body) }),
  );
  const json = (await res.json()) as { result?: unknown; error?: { appCode: string } };
  return { status: res.status, code: json.error?.appCode ?? "OK", result: json.result };
}

afterEach(() => {
  process.env.WV_DISABLE_RATE_LIMITS = "1";
});

describe("token routes", () => {
  it("issue to verified workers only, and take the ballot with no session, refusing other origins", async () => {
    const { campaignId, union, demandIds } = await makeCampaign({ demands: 1, phase: "VOTING", input: { verifiedOnly: true } });
    const worker = (await makeWorker()).account;
    const { codes } = await createInviteCodes(union.id, 1, 1);
    await redeemInviteCode(worker.accountId, codes[0]!);
    const status = (await callerFor(worker).tokens.status({ campaignId }))!;
    const blinded = await blindToken(status.publicKey, campaignId, status.profile!);
    const input = { campaignId, blindedMsg: blinded.blindedMsg };

    expect(issue.roles).toEqual(["WORKER"]);
    expect(await post(issue, input)).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    for (const role of ["ORGANISER", "ADMIN"] as const) expect(await post(issue, input, { account: (await makeStaff(role, role === "ORGANISER" ? union.id : undefined)).account })).toMatchObject({ code: "FORBIDDEN" });
    expect(await post(issue, input, { account: (await makeWorker()).account })).toMatchObject({ status: 403, code: "NOT_VERIFIED" });
    expect(await post(issue, { ...input, extra: 1 }, { account: worker })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    const issued = await post(issue, input, { account: worker });
    expect(issued.status).toBe(200);
    expect(await post(issue, input, { account: worker })).toMatchObject({ status: 409, code: "TOKEN_ALREADY_ISSUED" });

    const token = await finishToken(blinded, (issued.result as { blindSignature: string }).blindSignature);
    const body = { campaignId, ...token, demandIds };
    expect(ballot.roles).toBe("ANYONE");
    expect(await post(ballot, body, { headers: { origin: "https://evil.example" } })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await post(ballot, body, { headers: { "content-type": "text/plain" } })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await post(ballot, { ...body, accountId: worker.accountId })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    // Not text (a NUL, a lone surrogate): refused where it enters, as on every write route.
    for (const bad of ["c\u0000", "c\ud800"]) expect(await post(ballot, { ...body, demandIds: [bad] })).toMatchObject({ status: 400, code: "BAD_INPUT" });
    expect(await db.ballot.count({ where: { campaignId } })).toBe(0);
    expect(await post(ballot, body)).toMatchObject({ status: 200, result: { demandIds } });
    // A cookie that comes along changes nothing: the route never reads it.
    expect(await post(ballot, body, { account: worker })).toMatchObject({ status: 200 });
    expect(await post(ballot, { ...body, secret: "A".repeat(43) })).toMatchObject({ status: 409, code: "TOKEN_SPENT" });
    expect(await db.ballot.count({ where: { campaignId } })).toBe(1);
    // The session route refuses this campaign for every worker.
    expect(await post(sessionBallot, { campaignId, demandIds }, { account: worker })).toMatchObject({ status: 403, code: "TOKEN_REQUIRED" });
  });
});
