import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { hashInviteCode, normaliseInviteCode } from "~/features/verification/codes";
import { callerFor, makeWorker } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";
import { writerFor } from "~/test/write-client";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);

describe("verification and verified-only campaigns", () => {
  it("hand out single-use codes; ballots of verified-only campaigns need a token, whoever asks", async () => {
    const { campaignId, organiser, demandIds } = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
    const org = callerFor(organiser.account);
    const issued = await org.verification.createCodes({ count: 2, days: 14 });
    const codes = issued.codes.map((c) => c.code);
    expect(issued.codes[0]!.link).toMatch(/\/verify\?code=/);
    expect(issued.codes[0]!.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(codes[0]).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    // Only the hash is stored.
    const stored = await db.inviteCode.findMany({ where: { codeHash: { in: codes.map((c) => hashInviteCode(normaliseInviteCode(c)!)) } } });
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace(/-/g, ""));

    const [aliceAccount, bobAccount] = [(await makeWorker()).account, (await makeWorker()).account];
    const alice = callerFor(aliceAccount);
    const bob = callerFor(bobAccount);
    expect(await code(writerFor(aliceAccount).ballots.cast({ campaignId, demandIds: [demandIds[0]!] }))).toBe("TOKEN_REQUIRED");
    await alice.verification.redeem({ code: codes[0]!.toLowerCase() });
    // Verified or not, the session path is closed here: src/features/tokens casts these ballots.
    expect(await code(writerFor(aliceAccount).ballots.cast({ campaignId, demandIds: [demandIds[0]!] }))).toBe("TOKEN_REQUIRED");
    expect(await db.ballot.count({ where: { campaignId } })).toBe(0);
    // A used code is gone: it is as unknown as one never issued.
    expect(await code(bob.verification.redeem({ code: codes[0]! }))).toBe("CODE_INVALID");
    expect(await code(bob.verification.redeem({ code: "not-a-code" }))).toBe("CODE_INVALID");
    expect(await code(bob.verification.redeem({ code: "0000-0000-0000-0000-0000-0000" }))).toBe("CODE_INVALID");
    await db.inviteCode.updateMany({ where: { codeHash: hashInviteCode(normaliseInviteCode(codes[1]!)!) }, data: { expiresOn: new Date(Date.UTC(2020, 0, 1)) } });
    expect(await code(bob.verification.redeem({ code: codes[1]! }))).toBe("CODE_EXPIRED");
    expect(await code(writerFor(bobAccount).ballots.cast({ campaignId, demandIds: [demandIds[0]!] }))).toBe("TOKEN_REQUIRED");
    expect(await code(org.verification.createCodes({ count: 1, days: 15 }))).toBe("BAD_REQUEST");
  });

  it("let one of 20 concurrent redemptions of a code succeed", async () => {
    const { organiser } = await makeCampaign();
    const codes = (await callerFor(organiser.account).verification.createCodes({ count: 1, days: 1 })).codes.map((c) => c.code);
    const workers = await Promise.all(Array.from({ length: 20 }, () => makeWorker()));
    const results = await Promise.all(workers.map((w) => code(callerFor(w.account).verification.redeem({ code: codes[0]! }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r !== "OK").every((r) => r === "CODE_INVALID")).toBe(true);
  });
});

describe("invite codes and verification in a dump (issue 11, way 5)", () => {
  const unkeyed = (normalised: string) =>
    [`wv-invite:${normalised}`, normalised].flatMap((t) => [createHash("sha256").update(t).digest("hex"), createHash("sha256").update(t).digest("base64url")]);

  it("the paper code does not find its row: keyed before use, no row after; no redemption date to pair", async () => {
    const { organiser, union } = await makeCampaign();
    const issued = (await callerFor(organiser.account).verification.createCodes({ count: 2, days: 14 })).codes.map((c) => normaliseInviteCode(c.code)!);
    const dump = async () => JSON.stringify(await db.$queryRaw`SELECT to_jsonb(i) AS row FROM "InviteCode" i WHERE i."unionId" = ${union.id}`);
    const before = await dump();
    expect((await db.inviteCode.count({ where: { unionId: union.id } }))).toBe(2);
    for (const c of issued) for (const h of unkeyed(c)) expect(before).not.toContain(h);

    const worker = (await makeWorker()).account;
    await callerFor(worker).verification.redeem({ code: issued[0]! });
    expect(await db.inviteCode.count({ where: { unionId: union.id } })).toBe(1);
    expect(await db.inviteCode.count({ where: { codeHash: hashInviteCode(issued[0]!) } })).toBe(0);

    // No column records a use, and the verification is dated no finer than a month.
    const columns = await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'InviteCode'`;
    expect(columns.map((c) => c.column_name).filter((c) => /used|redeem|created/i.test(c))).toEqual([]);
    const verifications = await db.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(v) AS row FROM "Verification" v WHERE v."accountId" = ${worker.accountId}`;
    expect(verifications).toHaveLength(1);
    const dates = Object.values(verifications[0]!.row).filter((v): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v));
    expect(dates.every((d) => d.slice(8, 10) === "01")).toBe(true);
  });
});

describe("follows and notifications", () => {
  it("tell followers when voting opens and when results are final; they can delete them", async () => {
    const { campaignId, organiser } = await makeCampaign({ demands: 1 });
    const worker = callerFor((await makeWorker()).account);
    await Promise.all([1, 2, 3].map(() => worker.notifications.follow({ campaignId, follow: true })));
    const org = callerFor(organiser.account);
    await org.campaigns.setPhase({ campaignId, phase: "VOTING" });
    expect(await code(org.campaigns.setPhase({ campaignId, phase: "VOTING" }))).toBe("CONFLICT");
    await org.campaigns.setPhase({ campaignId, phase: "CLOSED" });
    expect(await worker.notifications.unread()).toBe(2);
    const list = await worker.notifications.list();
    expect(list.map((n) => n.kind).sort()).toEqual(["RESULTS_FINAL", "VOTING_OPEN"]);
    await worker.notifications.markAllRead();
    expect(await worker.notifications.unread()).toBe(0);
    await worker.notifications.delete({ ids: "all" });
    expect(await worker.notifications.list()).toEqual([]);
  });
});
