import { describe, expect, it } from "vitest";
import { openProfile } from "~/features/accounts/profile-seal";
import { TOTP, Secret } from "otpauth";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { getSessionAccount } from "~/features/accounts/data";
import { createStaffAccount, openSession, revokeSession, setSuspended, signInStaff, signInWithKey } from "~/features/accounts/mutations";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker, solvedJoinProof, STRONG_PASSWORD, uid } from "~/test/factories";

const code = (err: unknown) => (err instanceof AppError ? err.code : (err as { cause?: AppError }).cause?.code ?? (err as Error).message);

describe("worker accounts", () => {
  it("are created with one call and nothing about the person", async () => {
    const { pseudonym, key } = await callerFor(null).accounts.create(await solvedJoinProof());
    expect(pseudonym).toMatch(/^[A-Za-z]+-[0-9A-Z]{6}$/);
    const row = await db.account.findUniqueOrThrow({ where: { pseudonym } });
    expect(row.role).toBe("WORKER");
    expect(row.username).toBeNull();
    expect(row.secretHash).not.toContain(key.replace(/-/g, "").slice(10));
    expect(Object.keys(row)).not.toEqual(expect.arrayContaining(["email", "phone", "name", "ip"]));
  });

  it("sign in with their key, and a wrong key is refused", async () => {
    const { key } = await callerFor(null).accounts.create(await solvedJoinProof());
    const signedIn = await signInWithKey(key.toLowerCase());
    expect(signedIn.role).toBe("WORKER");
    const wrong = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    await expect(signInWithKey(wrong)).rejects.toMatchObject({ code: "INVALID_KEY" });
    await expect(signInWithKey("not a key at all")).rejects.toMatchObject({ code: "INVALID_KEY" });
  });

  it("keep a coarse creation date only", async () => {
    const { pseudonym } = await callerFor(null).accounts.create(await solvedJoinProof());
    const row = await db.account.findUniqueOrThrow({ where: { pseudonym }, select: { createdOn: true } });
    expect(row.createdOn.getUTCHours() + row.createdOn.getUTCMinutes() + row.createdOn.getUTCSeconds()).toBe(0);
  });

  it("update an optional profile from fixed lists, rejecting unknown fields", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const caller = callerFor(account);
    await caller.accounts.updateProfile({ sectors: ["COURIER"], platformSlugs: [platform.slug], city: "wuhan" });
    expect(await caller.accounts.profile()).toMatchObject({ sectors: ["COURIER"], platformSlugs: [platform.slug], city: "wuhan" });
    await expect(caller.accounts.updateProfile({ sectors: [], platformSlugs: [], city: "atlantis" as never })).rejects.toThrow();
    await expect(
      caller.accounts.updateProfile({ sectors: [], platformSlugs: [], city: null, role: "ADMIN" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.accounts.updateProfile({ sectors: [], platformSlugs: ["no-such-platform"], city: null })).rejects.toThrow();
    const row = await db.account.findUniqueOrThrow({ where: { id: account.accountId } });
    expect(row.role).toBe("WORKER");
    // Stored sealed (issue 11, way 1): the account row holds no clear profile, yet opens to it.
    expect(JSON.stringify(row)).not.toContain("wuhan");
    expect(openProfile(row.profileSealed)).toEqual({ sectors: ["COURIER"], platformSlugs: [platform.slug], city: "wuhan" });
  });
});

describe("sessions", () => {
  it("end on the server at sign-out and on suspension, cached or not", async () => {
    const { account } = await makeWorker();
    expect(await getSessionAccount(account.sessionId)).not.toBeNull();
    await revokeSession(account.sessionId);
    expect(await getSessionAccount(account.sessionId)).toBeNull();

    // Read first, so the suspension has to evict the process's cached session, not just the row.
    const again = await openSession(account.accountId);
    expect(await getSessionAccount(again.id)).not.toBeNull();
    await setSuspended(account.accountId, true);
    expect(await getSessionAccount(again.id)).toBeNull();
  });
});

describe("staff accounts", () => {
  it("refuse weak passwords and duplicate usernames", async () => {
    const union = await makeUnion();
    await expect(createStaffAccount({ role: "ORGANISER", username: `o-${uid()}`, password: "password12345", unionId: union.id })).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    const username = `o-${uid()}`;
    await createStaffAccount({ role: "ORGANISER", username, password: STRONG_PASSWORD, unionId: union.id });
    await expect(createStaffAccount({ role: "ORGANISER", username, password: STRONG_PASSWORD, unionId: union.id })).rejects.toMatchObject({ code: "ALREADY_EXISTS" });
  });

  it("need TOTP for admins and platform representatives", async () => {
    const platform = await makePlatform();
    const rep = await makeStaff("PLATFORM_REP", platform.id);
    expect(rep.totpSecret).toBeTruthy();
    await expect(signInStaff({ username: rep.username, password: STRONG_PASSWORD, totp: "" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(signInStaff({ username: rep.username, password: STRONG_PASSWORD, totp: "000000" })).rejects.toSatisfy((e) => ["INVALID_CREDENTIALS"].includes(code(e)));
    const totp = new TOTP({ secret: Secret.fromBase32(rep.totpSecret!) }).generate();
    await expect(signInStaff({ username: rep.username, password: STRONG_PASSWORD, totp })).resolves.toMatchObject({ role: "PLATFORM_REP" });
    await expect(signInStaff({ username: rep.username, password: "wrong-password-123", totp })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("organisers sign in with a password alone", async () => {
    const union = await makeUnion();
    const org = await makeStaff("ORGANISER", union.id);
    expect(org.totpSecret).toBeNull();
    await expect(signInStaff({ username: org.username, password: STRONG_PASSWORD, totp: "" })).resolves.toMatchObject({ role: "ORGANISER" });
  });

  it("cannot sign in with a worker key form, nor workers with the staff form", async () => {
    const { key } = await makeWorker();
    await expect(signInStaff({ username: key, password: key, totp: "" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });
});

describe("the role ladder on admin procedures", () => {
  it("lets only admins call them", async () => {
    const union = await makeUnion();
    const platform = await makePlatform();
    const callers = {
      anonymous: callerFor(null),
      worker: callerFor((await makeWorker()).account),
      organiser: callerFor((await makeStaff("ORGANISER", union.id)).account),
      rep: callerFor((await makeStaff("PLATFORM_REP", platform.id)).account),
    };
    for (const [who, caller] of Object.entries(callers)) {
      await expect(caller.admin.overview(), who).rejects.toMatchObject({ code: who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN" });
      await expect(caller.admin.createUnion({ slug: `x-${uid()}`, nameZh: "x", nameEn: "x" }), who).rejects.toThrow();
    }
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const overview = await admin.admin.overview();
    expect(overview.workers).toBeGreaterThan(0);
    expect(overview.staff.every((s) => s.role !== "WORKER")).toBe(true);
  });

  it("create staff only through an admin, with role and organisation checked", async () => {
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const platform = await makePlatform();
    const created = await admin.admin.createStaff({ role: "PLATFORM_REP", username: `rep-${uid()}`, password: STRONG_PASSWORD, platformId: platform.id });
    expect(created.totpSecret).toMatch(/^[A-Z2-7]+$/);
    await expect(admin.admin.createStaff({ role: "PLATFORM_REP", username: `rep-${uid()}`, password: STRONG_PASSWORD, platformId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      admin.admin.createStaff({ role: "ORGANISER", username: `o-${uid()}`, password: STRONG_PASSWORD, unionId: "x", platformId: platform.id } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
