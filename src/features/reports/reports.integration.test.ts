import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { submitReport, updateReport } from "~/features/reports/mutations";
import { listMyReports } from "~/features/reports/data";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker, moderatingUnionOf, uid } from "~/test/factories";
import { validReport } from "~/test/report-input";
import { writerFor } from "~/test/write-client";

const ID = "440305199506152716";
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const NOV = day("2026-11-20");
/** The code the client would show, as the tRPC error formatter derives it. */
async function appCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.cause && typeof e.cause.code === "string" && e.cause.code.toUpperCase() === e.cause.code) return e.cause.code;
    return e.code === "BAD_REQUEST" ? "BAD_INPUT" : e.code;
  }
  return "OK";
}
const countFor = (platformId: string) => db.report.count({ where: { platformId } });

describe("filing a report", () => {
  it("stores the redacted narrative, a nullifier instead of the account and dates only", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const narrative = `站长说打他电话 +86 138 1234 5678，我的身份证 ${ID} 被扣了。`;
    const { id } = await submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, narrative }), today: NOV });
    const row = await db.report.findUniqueOrThrow({ where: { id } });
    expect(row.narrative).toBe("站长说打他电话 [***]，我的身份证 [***] 被扣了。");
    expect(row.narrativeStatus).toBe("PENDING");
    expect(JSON.stringify(row)).not.toContain(account.accountId);
    expect(row.nullifier).not.toContain(account.accountId);
    for (const d of [row.month, row.filedOn, row.updatedOn]) expect(d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds()).toBe(0);
    expect(row.month).toEqual(day("2026-11-01"));
  });

  it("keeps one report when 20 identical submissions arrive at once", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const input = validReport({ platformSlug: platform.slug });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => submitReport({ accountId: account.accountId, input, today: NOV })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(await countFor(platform.id)).toBe(1);
  });

  it("keeps one report when 20 identical requests go through the API at once", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const caller = writerFor(account);
    const month = new Date().toISOString().slice(0, 7);
    await Promise.allSettled(Array.from({ length: 20 }, () => caller.reports.submit(validReport({ platformSlug: platform.slug, month }))));
    expect(await countFor(platform.id)).toBe(1);
  });

  it("refuses bad input with a clear code and stores nothing", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const caller = writerFor(account);
    const month = new Date().toISOString().slice(0, 7);
    const good = validReport({ platformSlug: platform.slug, month });
    const bad: [unknown, string][] = [
      [{ ...good, hoursPerDay: 25 }, "BAD_INPUT"],
      [{ ...good, monthlyNetIncome: -100 }, "BAD_INPUT"],
      [{ ...good, city: "atlantis" }, "BAD_INPUT"],
      [{ ...good, narrative: "很".repeat(2001) }, "BAD_INPUT"],
      [{ ...good, health: ["stomach", "stomach"] }, "BAD_INPUT"],
      [{ ...good, accountId: "someone" }, "BAD_INPUT"],
      [{ ...good, platformSlug: `nope-${uid()}` }, "UNKNOWN_PLATFORM"],
      [{ ...good, month: "2099-01" }, "FUTURE_MONTH"],
      [{ ...good, month: "2020-01" }, "EDIT_WINDOW_CLOSED"],
    ];
    for (const [input, code] of bad) {
      expect(await appCode(caller.reports.submit(input as never)), JSON.stringify(input).slice(0, 80)).toBe(code);
    }
    expect(await countFor(platform.id)).toBe(0);
  });

  it("is for workers only", async () => {
    const platform = await makePlatform();
    const rep = await makeStaff("PLATFORM_REP", platform.id);
    const organiser = await makeStaff("ORGANISER", (await makeUnion()).id);
    const input = validReport({ platformSlug: platform.slug, month: new Date().toISOString().slice(0, 7) });
    await expect(writerFor(null).reports.submit(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(writerFor(rep.account).reports.submit(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(writerFor(organiser.account).reports.submit(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { account } = await makeWorker();
    await expect(callerFor(account).reports.pendingNarratives()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(rep.account).reports.moderate({ id: "x", decision: "APPROVED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("my reports", () => {
  it("lists, edits and deletes only the worker's own reports", async () => {
    const platform = await makePlatform();
    const me = await makeWorker();
    const other = await makeWorker();
    const caller = callerFor(me.account);
    const writer = writerFor(me.account);
    const month = new Date().toISOString().slice(0, 7);
    const { id } = await writer.reports.submit(validReport({ platformSlug: platform.slug, month }));
    const mine = await caller.reports.mine();
    expect(mine.map((r) => r.id)).toContain(id);
    expect(await callerFor(other.account).reports.mine()).toEqual(expect.not.arrayContaining([expect.objectContaining({ id })]));

    const { input } = await caller.reports.get({ id });
    await writer.reports.update({ id, report: { ...input, hoursPerDay: 9.5, narrative: "改一下：13912345678" } });
    const row = await db.report.findUniqueOrThrow({ where: { id } });
    expect(row.hoursPerDay).toBe(9.5);
    expect(row.narrative).toBe("改一下：[***]");

    const intruder = callerFor(other.account);
    expect(await appCode(intruder.reports.get({ id }))).toBe("NOT_FOUND");
    expect(await appCode(writerFor(other.account).reports.update({ id, report: input }))).toBe("NOT_FOUND");
    expect(await appCode(intruder.reports.remove({ id }))).toBe("NOT_FOUND");
    await expect(writer.reports.update({ id, report: { ...input, month: "2020-01" } })).rejects.toThrow();

    await caller.reports.remove({ id });
    expect(await countFor(platform.id)).toBe(0);
  });

  it("stop being editable seven days after the month ends", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const input = validReport({ platformSlug: platform.slug, month: "2026-10" });
    const { id } = await submitReport({ accountId: account.accountId, input, today: day("2026-10-30") });
    await updateReport({ accountId: account.accountId, id, input: { ...input, daysPerWeek: 6 }, today: day("2026-11-07") });
    await expect(updateReport({ accountId: account.accountId, id, input, today: day("2026-11-08") })).rejects.toMatchObject({ code: "EDIT_WINDOW_CLOSED" });
    const list = await listMyReports(account.accountId, day("2026-11-08"));
    expect(list.find((r) => r.id === id)).toMatchObject({ editable: false, month: "2026-10", editUntil: "2026-11-07" });
  });
});

describe("moderation", () => {
  it("lets organisers approve or reject pending narratives", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    const { id } = await submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, narrative: "雨天没有补贴" }), today: NOV });
    // The organiser of the union an admin assigned to the platform (P7).
    const organiser = callerFor((await makeStaff("ORGANISER", await moderatingUnionOf(platform))).account);
    expect((await organiser.reports.pendingNarratives()).map((n) => n.id)).toContain(id);
    await organiser.reports.moderate({ id, decision: "APPROVED" });
    expect((await db.report.findUniqueOrThrow({ where: { id } })).narrativeStatus).toBe("APPROVED");
    expect((await organiser.reports.pendingNarratives()).map((n) => n.id)).not.toContain(id);
  });
});
