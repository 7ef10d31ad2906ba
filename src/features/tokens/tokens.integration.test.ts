import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { ballotCounts, loadTallyForAudit } from "~/features/ballots/data";
import { recount } from "~/features/ballots/tally";
import { createInviteCodes, redeemInviteCode } from "~/features/verification/mutations";
import { setPhase } from "~/features/campaigns/mutations";
import { issueToken } from "~/features/tokens/mutations";
import { getTokenCounts, verifiedBallotCount } from "~/features/tokens/data";
import { getPublicCampaign } from "~/features/opendata/campaigns/data";
import { castTokenBallot, tokenBallotKey } from "~/features/tokens/ballot/mutations";
import { openSigningKey } from "~/features/tokens/key-seal";
import { blindToken, finishToken, type HeldToken } from "~/features/tokens/token-client";
import { encodeTokenMessage, fromBase64Url, toBase64Url } from "~/features/tokens/message";
import { callerFor, makeWorker } from "~/test/factories";
import { makeCampaign, makeProfiledWorker } from "~/test/campaign-factories";
import type { SessionAccount } from "~/features/accounts/data";
import { writerFor } from "~/test/write-client";

// Verified ballots through blind signatures (issue 11, PRIVACY.md P6): the phone's real client
// code (token-client.ts) against the real server functions and database.

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);

async function verifiedWorker(unionId: string, city: "wuhan" | "beijing" | "chengdu" = "wuhan") {
  const worker = await makeProfiledWorker(city, [], ["COURIER"]);
  const { codes } = await createInviteCodes(unionId, 1, 1);
  await redeemInviteCode(worker.account.accountId, codes[0]!);
  return worker.account;
}

/** What the campaign page does: status, blind, issue, finalize. */
async function obtainToken(account: SessionAccount, campaignId: string): Promise<HeldToken> {
  const status = (await callerFor(account).tokens.status({ campaignId }))!;
  const blinded = await blindToken(status.publicKey, campaignId, status.profile!);
  const { blindSignature } = await issueToken(account.accountId, campaignId, fromBase64Url(blinded.blindedMsg)!);
  return finishToken(blinded, blindSignature);
}

async function stored(campaignId: string) {
  const { cells, groups, ballots } = await loadTallyForAudit(campaignId);
  return { ballots: ballots.length, cells: cells.filter((c) => c.points || c.includes).length, groups: groups.filter((g) => g.ballots).map((g) => `${g.dim}|${g.value}|${g.ballots}`).sort() };
}

async function expectTallyMatchesRecount(campaignId: string) {
  const { cells, ballots } = await loadTallyForAudit(campaignId);
  const fresh = recount(ballots.map((b) => ({ demandIds: b.demandIds, profile: { city: b.city, platform: b.platform, sector: b.sector } })));
  const live = new Map(cells.filter((c) => c.points || c.firsts || c.includes).map((c) => [`${c.dim}|${c.value}|${c.demandId}`, c]));
  expect(live.size).toBe(fresh.cells.size);
  for (const [key, c] of fresh.cells) expect(live.get(key), key).toMatchObject({ points: c.points, firsts: c.firsts, includes: c.includes });
}

describe("ballot tokens (RFC 9474)", () => {
  it("issue one token per verified account and campaign, also to concurrent requests, under a sealed per-campaign key", async () => {
    const { campaignId, union } = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
    const plain = await makeCampaign({ demands: 1, phase: "VOTING" });
    const account = await verifiedWorker(union.id);
    const status = (await callerFor(account).tokens.status({ campaignId }))!;
    expect(status.issued).toBe(false);
    expect(await callerFor(account).tokens.status({ campaignId: plain.campaignId })).toBeNull();

    const attempts = await Promise.all(Array.from({ length: 5 }, () => blindToken(status.publicKey, campaignId, status.profile!)));
    const results = await Promise.all(attempts.map((b) => code(issueToken(account.accountId, campaignId, fromBase64Url(b.blindedMsg)!))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK").every((r) => r === "TOKEN_ALREADY_ISSUED")).toBe(true);
    expect((await callerFor(account).tokens.status({ campaignId }))!.issued).toBe(true);
    expect((await getTokenCounts(campaignId))!.issued).toBe(1);

    // Refused: unverified accounts, verification by another union, campaigns that take no tokens.
    const outsider = (await makeWorker()).account;
    expect(await code(issueToken(outsider.accountId, campaignId, fromBase64Url(attempts[0]!.blindedMsg)!))).toBe("NOT_VERIFIED");
    expect(await code(issueToken(account.accountId, plain.campaignId, fromBase64Url(attempts[0]!.blindedMsg)!))).toBe("TOKEN_NOT_NEEDED");
    const other = await verifiedWorker(union.id);
    expect(await code(issueToken(other.accountId, campaignId, new Uint8Array(256).fill(255)))).toBe("BAD_INPUT");
    expect(await code(issueToken(other.accountId, campaignId, new Uint8Array(12)))).toBe("BAD_INPUT");
    expect((await getTokenCounts(campaignId))!.issued).toBe(1);

    // At rest: the private key is sealed with TOKEN_KEY and bound to its campaign; the issuance
    // row is a keyed hash, no account id and no date.
    const row = await db.campaignTokenKey.findUniqueOrThrow({ where: { campaignId } });
    const pkcs8 = openSigningKey(campaignId, row.sealedKey);
    expect(row.sealedKey).not.toContain(pkcs8.toString("base64url").slice(40, 80));
    expect(() => openSigningKey(plain.campaignId, row.sealedKey)).toThrow();
    const issues = await db.tokenIssue.findMany({ where: { campaignId } });
    expect(issues).toEqual([{ key: nullifier("token-issue", account.accountId, campaignId), campaignId }]);
  });

  it("cast a ballot with the token and no session, change it with the phone's secret, and count it as verified", async () => {
    const { campaignId, union, demandIds: d } = await makeCampaign({ demands: 3, phase: "VOTING", input: { verifiedOnly: true } });
    const voters = await Promise.all(Array.from({ length: 5 }, () => verifiedWorker(union.id)));
    const tokens: HeldToken[] = [];
    for (const v of voters) tokens.push(await obtainToken(v, campaignId));
    for (const [i, t] of tokens.entries()) await castTokenBallot({ campaignId, ...t, demandIds: [d[i % 3]!] });
    await castTokenBallot({ campaignId, ...tokens[0]!, demandIds: [d[2]!, d[1]!] });

    expect(await db.ballot.count({ where: { campaignId } })).toBe(5);
    const changed = await db.ballot.findUniqueOrThrow({ where: { nullifier: tokenBallotKey(tokens[0]!.token, campaignId) }, select: { demandIds: true } });
    expect(changed.demandIds).toEqual([d[2], d[1]]);
    expect(await getTokenCounts(campaignId)).toMatchObject({ issued: 5, spent: 5 });
    expect(await verifiedBallotCount(campaignId)).toBe(5);
    // Published on the page and in the open data with the key anyone can check tokens with.
    const publicKey = (await getTokenCounts(campaignId))!.publicKey;
    expect((await getPublicCampaign(campaignId)).tokens).toEqual({ suite: "RSABSSA-SHA384-PSS-Randomized", publicKey, issued: 5, spent: 5 });
    // Every ballot of a verified-only campaign is verified: the counters the turnout is released from.
    expect(await ballotCounts(campaignId)).toEqual({ ballots: 5, verified: 5 });
    await expectTallyMatchesRecount(campaignId);
    // No ballot is keyed by any voter's account nullifier; the secret is kept only as a hash.
    const keys = (await db.ballot.findMany({ where: { campaignId }, select: { nullifier: true, changeHash: true } }));
    for (const v of voters) expect(keys.map((k) => k.nullifier)).not.toContain(nullifier("ballot", v.accountId, campaignId));
    // Nor does any ballot value meet an issuance row: no token-to-account join.
    const issued = await db.tokenIssue.findMany({ where: { campaignId }, select: { key: true } });
    const ballotValues = new Set(JSON.stringify(await db.ballot.findMany({ where: { campaignId } })).match(/[A-Za-z0-9_-]{20,}/g));
    expect(issued.filter((i) => ballotValues.has(i.key))).toEqual([]);
    expect(JSON.stringify(keys)).not.toContain(tokens[0]!.secret);
    expect(JSON.stringify(keys)).not.toContain(tokens[0]!.token.slice(0, 60));
  });

  it("refuse forged, reused, wrong-campaign and wrong-key tokens with a clear error, storing nothing", async () => {
    const a = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
    const b = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
    const voter = await verifiedWorker(a.union.id);
    const t = await obtainToken(voter, a.campaignId);
    await castTokenBallot({ campaignId: a.campaignId, ...t, demandIds: [a.demandIds[0]!] });
    const before = [await stored(a.campaignId), await stored(b.campaignId)];

    // Forged: a message of our own with a signature of random bytes, or bytes that are no token.
    const msg = new Uint8Array([...randomBytes(32), ...encodeTokenMessage({ campaignId: a.campaignId, profile: { city: "wuhan", platform: "unknown", sector: "COURIER" }, nonce: "x" })]);
    expect(await code(castTokenBallot({ campaignId: a.campaignId, token: toBase64Url(msg), signature: toBase64Url(randomBytes(256)), secret: t.secret, demandIds: [a.demandIds[0]!] }))).toBe("TOKEN_INVALID");
    expect(await code(castTokenBallot({ campaignId: a.campaignId, token: toBase64Url(randomBytes(90)), signature: t.signature, secret: t.secret, demandIds: [a.demandIds[0]!] }))).toBe("TOKEN_INVALID");
    // Tampered: the signed message with one byte changed (another profile or nonce).
    const tampered = fromBase64Url(t.token)!;
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(await code(castTokenBallot({ campaignId: a.campaignId, token: toBase64Url(tampered), signature: t.signature, secret: t.secret, demandIds: [a.demandIds[0]!] }))).toBe("TOKEN_INVALID");
    // Reused: the same token from another phone (another secret) cannot overwrite the ballot.
    const thief = toBase64Url(randomBytes(32));
    expect(await code(castTokenBallot({ campaignId: a.campaignId, ...t, secret: thief, demandIds: [a.demandIds[1]!] }))).toBe("TOKEN_SPENT");
    // Wrong campaign: A's token sent to B.
    expect(await code(castTokenBallot({ campaignId: b.campaignId, ...t, demandIds: [b.demandIds[0]!] }))).toBe("TOKEN_WRONG_CAMPAIGN");
    // Wrong key: a message naming B, signed blind with A's key (issued by A to a verified worker).
    const other = await verifiedWorker(a.union.id);
    const status = (await callerFor(other).tokens.status({ campaignId: a.campaignId }))!;
    const blinded = await blindToken(status.publicKey, b.campaignId, status.profile!);
    const { blindSignature } = await issueToken(other.accountId, a.campaignId, fromBase64Url(blinded.blindedMsg)!);
    const crossed = await finishToken(blinded, blindSignature);
    expect(await code(castTokenBallot({ campaignId: b.campaignId, ...crossed, demandIds: [b.demandIds[0]!] }))).toBe("TOKEN_INVALID");

    expect([await stored(a.campaignId), await stored(b.campaignId)]).toEqual(before);
    expect((await getPublicCampaign(a.campaignId)).tokens).toMatchObject({ issued: null, spent: null }); // 2 and 1: "fewer than 5"
    expect(await db.ballot.findMany({ where: { campaignId: a.campaignId }, select: { demandIds: true } })).toEqual([{ demandIds: [a.demandIds[0]] }]);
  });

  it("leave one ballot of 20 concurrent ones cast with one token", async () => {
    const { campaignId, union, demandIds: d } = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
    const t = await obtainToken(await verifiedWorker(union.id), campaignId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => code(castTokenBallot({ campaignId, ...t, secret: i % 2 ? t.secret : toBase64Url(randomBytes(32)), demandIds: [d[i % 2]!] }))),
    );
    expect(results.every((r) => r === "OK" || r === "TOKEN_SPENT")).toBe(true);
    expect(await db.ballot.count({ where: { campaignId } })).toBe(1);
    const { groups } = await loadTallyForAudit(campaignId);
    expect(groups.find((g) => g.dim === "all")?.ballots).toBe(1);
    expect(groups.find((g) => g.dim === "verified")?.ballots).toBe(1);
    await expectTallyMatchesRecount(campaignId);
  });

  it("give a token ballot its profile only when 5 token holders of the campaign share it", async () => {
    const { campaignId, union, demandIds: d } = await makeCampaign({ demands: 1, phase: "VOTING", input: { verifiedOnly: true } });
    const common = [];
    for (let i = 0; i < 5; i++) common.push(await obtainToken(await verifiedWorker(union.id, "beijing"), campaignId));
    const rare = [];
    for (let i = 0; i < 4; i++) rare.push(await obtainToken(await verifiedWorker(union.id, "chengdu"), campaignId));
    for (const t of [...common, ...rare]) await castTokenBallot({ campaignId, ...t, demandIds: [d[0]!] });
    const ballots = await db.ballot.findMany({ where: { campaignId }, select: { city: true, platform: true, sector: true } });
    expect(ballots.filter((b) => b.city === "beijing")).toEqual(Array(5).fill({ city: "beijing", platform: "unknown", sector: "COURIER" }));
    expect(ballots.filter((b) => b.city !== "beijing")).toEqual(Array(4).fill({ city: "unknown", platform: "unknown", sector: "unknown" }));
  });

  it("close the session path in verified-only campaigns and take tokens only while voting", async () => {
    const { campaignId, union, demandIds: d } = await makeCampaign({ demands: 1, phase: "VOTING", input: { verifiedOnly: true } });
    const voter = await verifiedWorker(union.id);
    expect(await code(writerFor(voter).ballots.cast({ campaignId, demandIds: [d[0]!] }))).toBe("TOKEN_REQUIRED");
    const t = await obtainToken(voter, campaignId);
    await setPhase(union.id, campaignId, "CLOSED");
    expect(await code(castTokenBallot({ campaignId, ...t, demandIds: [d[0]!] }))).toBe("CAMPAIGN_CLOSED");
    expect(await db.ballot.count({ where: { campaignId } })).toBe(0);
  });
});
