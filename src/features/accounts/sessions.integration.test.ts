import { createHash } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { secrets } from "~/server/secrets";
import { accountFromCookie } from "~/server/auth/session-token";
import { runDueJobs } from "~/server/scheduler";
import { getSessionAccount } from "~/features/accounts/data";
import { openSession, purgeExpiredSessions, revokeSession, setSuspended, SESSION_DAYS } from "~/features/accounts/mutations";
import { addDays, chinaToday } from "~/lib/days";
import { makeWorker } from "~/test/factories";

// PRIVACY.md P2 and issue 11: a copy of the Session table is not a list of live sessions (only
// hashes of their ids), not an activity log (no time of day, no revoked rows), and it keeps only
// sessions that have not ended.
const cookieFor = (sid: string) => encode({ token: { sid, role: "WORKER" }, secret: secrets.authSecret });
const rowsOf = (accountId: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Session" WHERE "accountId" = $1`, accountId);

describe("session rows", () => {
  it("hold the hash of the token's id, never the id, so a dump forges no session", async () => {
    const { account } = await makeWorker();
    const rows = await rowsOf(account.accountId);
    expect(rows).toHaveLength(1);
    const dumped = JSON.stringify(rows);
    expect(dumped).not.toContain(account.sessionId);
    expect(rows[0]!.idHash).toBe(createHash("sha256").update(account.sessionId).digest("base64url"));

    // The real token finds its row (after hashing); a token forged from the dumped value does not.
    expect((await accountFromCookie(await cookieFor(account.sessionId)))?.accountId).toBe(account.accountId);
    expect(await accountFromCookie(await cookieFor(String(rows[0]!.idHash)))).toBeNull();
  });

  it("carry no time of day: every column is text or a date", async () => {
    const cols = await db.$queryRawUnsafe<{ c: string; t: string }[]>(
      `SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = 'Session' ORDER BY column_name`,
    );
    expect(cols).toEqual([
      { c: "accountId", t: "text" },
      { c: "expiresOn", t: "date" },
      { c: "idHash", t: "text" },
    ]);
    const { account } = await makeWorker();
    const [row] = await rowsOf(account.accountId);
    expect(row!.expiresOn).toEqual(addDays(chinaToday(), SESSION_DAYS));
  });

  it("are deleted at sign-out, and the session ends at once in this process", async () => {
    const { account } = await makeWorker();
    expect(await getSessionAccount(account.sessionId)).not.toBeNull(); // now cached
    await revokeSession(account.sessionId);
    expect(await rowsOf(account.accountId)).toEqual([]);
    expect(await getSessionAccount(account.sessionId)).toBeNull();
  });

  it("end at sign-out and at the token's expiry, even for a cookie this process has decoded before", async () => {
    const { account } = await makeWorker();
    const cookie = await cookieFor(account.sessionId);
    expect((await accountFromCookie(cookie))?.accountId).toBe(account.accountId);
    await revokeSession(account.sessionId);
    expect(await accountFromCookie(cookie)).toBeNull();

    const { account: other } = await makeWorker();
    const shortLived = await encode({ token: { sid: other.sessionId, role: "WORKER" }, secret: secrets.authSecret, maxAge: 60 });
    expect((await accountFromCookie(shortLived))?.accountId).toBe(other.accountId);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 76_000); // past its expiry and the 15 s clock tolerance
      expect(await accountFromCookie(shortLived)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("are deleted at suspension, every session of the account, cached or not", async () => {
    const { account } = await makeWorker();
    const second = await openSession(account.accountId);
    expect(await getSessionAccount(second.id)).not.toBeNull();
    await setSuspended(account.accountId, true);
    expect(await rowsOf(account.accountId)).toEqual([]);
    expect(await getSessionAccount(account.sessionId)).toBeNull();
    expect(await getSessionAccount(second.id)).toBeNull();
  });

  it("are purged once expired, by the next sign-in and by the scheduler", async () => {
    const yesterday = addDays(chinaToday(), -1);
    const a = (await makeWorker()).account;
    await db.session.updateMany({ where: { accountId: a.accountId }, data: { expiresOn: yesterday } });
    // Anyone's sign-in clears expired rows, then the new row is the only one left.
    const b = (await makeWorker()).account;
    expect(await rowsOf(a.accountId)).toEqual([]);
    expect(await rowsOf(b.accountId)).toHaveLength(1);

    await db.session.updateMany({ where: { accountId: b.accountId }, data: { expiresOn: yesterday } });
    await runDueJobs();
    expect(await rowsOf(b.accountId)).toEqual([]);
    expect(await purgeExpiredSessions()).toBe(0);
  });

  it("refuse a session whose last day has passed even before it is purged", async () => {
    const { account } = await makeWorker();
    const session = await openSession(account.accountId);
    await db.session.updateMany({ where: { accountId: account.accountId }, data: { expiresOn: addDays(chinaToday(), -1) } });
    expect(await getSessionAccount(session.id)).toBeNull();
  });
});
