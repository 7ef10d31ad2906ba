import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { chinaToday, isoDay } from "~/lib/days";
import { runDueJobs } from "~/server/scheduler";
import { castBallot } from "~/features/ballots/mutations";
import { signPetition } from "~/features/petitions/signatures/mutations";
import { submitReport } from "~/features/reports/mutations";
import { openMonths } from "~/features/reports/months";
import { callerFor, makePlatform, makeWorker } from "~/test/factories";
import { makeCampaign, makeProfiledWorker } from "~/test/campaign-factories";
import { publishedPetition } from "~/test/petition-factories";
import { makeAnswer, makePublishedSubmission } from "~/test/submission-factories";
import { validReport } from "~/test/report-input";

// "Today" is China's calendar day in TypeScript (chinaToday) and in SQL (wv_today()), while the
// database stays in UTC. These tests drive both clocks across China's midnight: 2026-03-31T15:59Z
// is still March 31 in China, 16:30Z is already April 1 (and still March 31 in UTC, which is
// what the old todayUtc and CURRENT_DATE answered). SET wv.fake_now reaches the one PGlite
// connection a test file has; on a PostgreSQL pool it would reach one connection only.
const onPglite = !process.env.TEST_DATABASE_URL;
const BEFORE = "2026-03-31T15:59:00Z";
const AFTER = "2026-03-31T16:30:00Z";
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);

async function clockAt(iso: string) {
  vi.setSystemTime(new Date(iso));
  await db.$executeRawUnsafe(`SET wv.fake_now = '${iso}'`);
}
const sqlToday = async (expr = "wv_today()") => (await db.$queryRawUnsafe<{ d: string }[]>(`SELECT (${expr})::text AS d`))[0]!.d;

describe("wv_today(), the SQL clock", () => {
  it("converts an instant to China's calendar day around midnight", async () => {
    expect(await sqlToday("wv_today('2026-03-31T15:59:59Z')")).toBe("2026-03-31");
    expect(await sqlToday("wv_today('2026-03-31T16:00:00Z')")).toBe("2026-04-01");
    expect(await sqlToday("wv_today('2026-03-31T16:30:00Z')")).toBe("2026-04-01");
    // The session itself stays in UTC, where CURRENT_DATE is still March 31 at that moment.
    expect(await sqlToday("('2026-03-31T16:30:00Z'::timestamptz AT TIME ZONE 'UTC')::date")).toBe("2026-03-31");
    expect((await db.$queryRawUnsafe<{ tz: string }[]>(`SELECT current_setting('TimeZone') AS tz`))[0]!.tz).toMatch(/^(Etc\/)?UTC$/);
  });

  it("agrees with chinaToday() for the real now", async () => {
    const ts = isoDay(chinaToday());
    const sql = await sqlToday();
    // Both read the clock; a run straddling midnight may see two days, never other ones.
    expect([ts, isoDay(chinaToday())]).toContain(sql);
  });

  it("is every date column's default; no column or function reads CURRENT_DATE", async () => {
    const defaults = await db.$queryRawUnsafe<{ t: string; c: string; d: string }[]>(
      `SELECT table_name AS t, column_name AS c, column_default AS d FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'date' AND column_default IS NOT NULL`,
    );
    expect(defaults.length).toBeGreaterThan(10);
    for (const col of defaults) expect(col.d, `${col.t}.${col.c}`).toBe("wv_today()");
    const fns = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prosrc ~* 'current_date|now\\(\\)::date|localtimestamp'`,
    );
    expect(fns).toEqual([]);
  });

  it("leaves no other definition of today in the sources", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) {
          if (name !== "generated") walk(p);
        } else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith(".test.ts")) {
          const text = readFileSync(p, "utf8");
          if (/CURRENT_DATE|todayUtc|todayInChina|new Date\(\)\.toISOString\(\)\.slice\(0, ?10\)/i.test(text)) offenders.push(p);
        }
      }
    };
    for (const dir of ["src", "prisma", "e2e"]) walk(path.resolve(dir));
    expect(offenders).toEqual([]);
  });
});

describe.runIf(onPglite)("the product around midnight China time", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(async () => {
    vi.useRealTimers();
    await db.$executeRawUnsafe(`RESET wv.fake_now`);
  });

  it("campaign phases: voting opens on its China date, through the scheduler", async () => {
    await clockAt("2026-03-20T04:00:00Z");
    const { campaignId } = await makeCampaign({ demands: 1, input: { proposingFrom: "2026-03-01", votingFrom: "2026-04-01", closesOn: "2026-04-20" } });
    const phase = async () => (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).phase;
    await clockAt(BEFORE);
    await runDueJobs();
    expect(await phase()).toBe("PROPOSING");
    await clockAt(AFTER);
    await runDueJobs();
    expect(await phase()).toBe("VOTING");
  });

  it("response clocks and commitment dates: overdue and open to verdicts from China's next day", async () => {
    const s = await makePublishedSubmission({ demands: 1, platforms: 1, union: false, publishedOn: day("2026-03-01"), responseDays: 30 });
    const partyId = s.platformParties[0]!.id;
    const answer = await makeAnswer({ itemId: s.items[0]!.id, partyId, status: "ACCEPTED", dueOn: day("2026-03-31") });
    // The party answered one item of one: complete, so only the commitment matters here; a
    // second submission carries the clock.
    const late = await makePublishedSubmission({ demands: 1, platforms: 1, union: false, publishedOn: day("2026-03-01"), responseDays: 30 });
    const lateParty = late.platformParties[0]!.id;
    const state = async () => ({
      overdue: (await db.submissionParty.findUniqueOrThrow({ where: { id: lateParty } })).overdueNoticeOn,
      verdicts: (await db.answer.findUniqueOrThrow({ where: { id: answer.id } })).verdictsOpenOn,
    });
    await clockAt(BEFORE);
    await runDueJobs();
    expect(await state()).toEqual({ overdue: null, verdicts: null });
    await clockAt(AFTER);
    await runDueJobs();
    expect(await state()).toEqual({ overdue: day("2026-04-01"), verdicts: day("2026-04-01") });

    // A verdict given now is dated April 1 by the SQL clock.
    const worker = await makeProfiledWorker("wuhan");
    await callerFor(worker.account).verdicts.give({ answerId: answer.id, value: "YES" });
    expect((await db.itemVerdict.findFirstOrThrow({ where: { answerId: answer.id } })).givenOn).toEqual(day("2026-04-01"));
  });

  it("due dates: a representative cannot commit to China's yesterday, and is dated by China's today", async () => {
    await clockAt(AFTER);
    const s = await makePublishedSubmission({ demands: 1, platforms: 1, union: false, publishedOn: day("2026-03-20") });
    const rep = callerFor(s.platforms[0]!.rep!.account);
    const input = { submissionId: s.submissionId, itemId: s.items[0]!.id, status: "ACCEPTED" as const, text: "Agreed." };
    expect(await code(rep.answers.answerAsPlatform({ ...input, dueOn: "2026-03-31" }))).toBe("DUE_DATE_PAST");
    expect(await code(rep.answers.answerAsPlatform({ ...input, dueOn: "2026-04-01" }))).toBe("OK");
    const party = await db.submissionParty.findUniqueOrThrow({ where: { id: s.platformParties[0]!.id } });
    expect(party.firstAnsweredOn).toEqual(day("2026-04-01"));
  });

  it("petitions: open through the last China day of closesOn, closed after, in the page and in the signing statement", async () => {
    await clockAt("2026-03-20T04:00:00Z");
    const p = await publishedPetition();
    await db.petition.update({ where: { id: p.id }, data: { closesOn: day("2026-03-31") } });
    const viewer = callerFor(null);
    const [early, late] = [(await makeWorker()).account, (await makeWorker()).account];

    await clockAt(BEFORE);
    expect((await viewer.petitions.get({ petitionId: p.id })).phase).toBe("OPEN");
    expect(await code(signPetition(early.accountId, p.id))).toBe("OK");
    expect((await db.petitionSignature.findFirstOrThrow({ where: { petitionId: p.id } })).signedOn).toEqual(day("2026-03-31"));

    await clockAt(AFTER);
    expect((await viewer.petitions.get({ petitionId: p.id })).phase).toBe("CLOSED");
    expect(await code(signPetition(late.accountId, p.id))).toBe("PETITION_CLOSED");
  });

  it("report months: 23:30 on March 31 in China counts in March, 00:30 on April 1 in April", async () => {
    const platform = await makePlatform();
    const { account } = await makeWorker();
    await clockAt("2026-03-31T15:30:00Z");
    expect(openMonths(chinaToday())[0]).toBe("2026-03");
    expect(await code(submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, month: "2026-04" }) }))).toBe("FUTURE_MONTH");
    const march = await submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, month: "2026-03" }) });
    expect((await db.report.findUniqueOrThrow({ where: { id: march.id } })).filedOn).toEqual(day("2026-03-31"));

    await clockAt("2026-03-31T16:30:00Z");
    expect(openMonths(chinaToday())[0]).toBe("2026-04");
    const april = await submitReport({ accountId: account.accountId, input: validReport({ platformSlug: platform.slug, month: "2026-04" }) });
    const row = await db.report.findUniqueOrThrow({ where: { id: april.id } });
    expect([row.month, row.filedOn]).toEqual([day("2026-04-01"), day("2026-04-01")]);
  });

  it("ballots are dated by China's day", async () => {
    await clockAt("2026-03-20T04:00:00Z");
    const { campaignId, demandIds } = await makeCampaign({ demands: 1, phase: "VOTING", input: { proposingFrom: "2026-03-01", votingFrom: "2026-03-10", closesOn: "2026-04-20" } });
    const worker = await makeWorker();
    await clockAt(AFTER);
    await castBallot(worker.account.accountId, campaignId, [demandIds[0]!]);
    expect((await db.ballot.findFirstOrThrow({ where: { campaignId } })).castOn).toEqual(day("2026-04-01"));
  });
});
