import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addDays, chinaToday } from "~/lib/days";
import { setFollow } from "~/features/notifications/mutations";
import { sweepDeadlines } from "~/features/deadlines/mutations";
import { callerFor, makeWorker } from "~/test/factories";
import { makeProfiledWorker } from "~/test/campaign-factories";
import { makeAnswer, makePublishedSubmission } from "~/test/submission-factories";

// Other test files share the PostgreSQL database and the sweep looks at every submission, so
// these tests sweep with the real date and assert only on the rows they made themselves.
const today = chinaToday();
const notices = (accountId: string, kind: string) => db.notification.findMany({ where: { accountId, kind } });

/** Published 40 days ago with a 30-day clock: respondBy passed 10 days ago. */
async function overdueSubmission(demands = 2) {
  const s = await makePublishedSubmission({ demands, platforms: 2, union: false, publishedOn: addDays(today, -40) });
  const follower = await makeWorker();
  await setFollow(follower.account.accountId, s.campaignId, true);
  return { ...s, follower };
}

describe("deadline sweep", () => {
  it("marks parties overdue once, tells followers once, and leaves complete and not-yet-due parties alone", async () => {
    const s = await overdueSubmission();
    const [late, complete] = s.platformParties;
    for (const item of s.items) await makeAnswer({ itemId: item.id, partyId: complete!.id, status: "REJECTED", dueOn: null });
    await db.submissionParty.update({ where: { id: complete!.id }, data: { completedOn: addDays(today, -20) } });
    const fresh = await makePublishedSubmission({ demands: 1, platforms: 1, union: false, publishedOn: addDays(today, -30) });

    await sweepDeadlines(today);
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: late!.id } })).overdueNoticeOn).toEqual(today);
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: complete!.id } })).overdueNoticeOn).toBeNull();
    // respondBy is today: not overdue yet.
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: fresh.platformParties[0]!.id } })).overdueNoticeOn).toBeNull();
    const first = await notices(s.follower.account.accountId, "RESPONSE_OVERDUE");
    expect(first.map((n) => [n.dedupeKey, n.submissionId])).toEqual([[`overdue:${late!.id}`, s.submissionId]]);

    // Running again changes nothing.
    await sweepDeadlines(today);
    await sweepDeadlines(today);
    expect(await notices(s.follower.account.accountId, "RESPONSE_OVERDUE")).toHaveLength(1);
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: late!.id } })).overdueNoticeOn).toEqual(today);
  });

  it("opens verdicts on current commitments whose date passed and asks only followers in scope", async () => {
    const s = await makePublishedSubmission({ demands: 4, platforms: 1, input: { scopeCities: ["chengdu"] } });
    const partyId = s.platformParties[0]!.id;
    const [i1, i2, i3, i4] = s.items;
    const due = await makeAnswer({ itemId: i1!.id, partyId, status: "ACCEPTED", dueOn: addDays(today, -1) });
    const notYet = await makeAnswer({ itemId: i2!.id, partyId, status: "PARTLY_ACCEPTED", dueOn: today });
    const superseded = await makeAnswer({ itemId: i3!.id, partyId, status: "ACCEPTED", dueOn: addDays(today, -3), current: false });
    const rejected = await makeAnswer({ itemId: i4!.id, partyId, status: "REJECTED", dueOn: null });
    const inScope = await makeProfiledWorker("chengdu");
    const outOfScope = await makeProfiledWorker("beijing");
    for (const w of [inScope, outOfScope]) await setFollow(w.account.accountId, s.campaignId, true);

    await sweepDeadlines(today);
    const opened = await db.answer.findMany({ where: { partyId }, select: { id: true, verdictsOpenOn: true } });
    expect(Object.fromEntries(opened.map((a) => [a.id, a.verdictsOpenOn]))).toEqual({ [due.id]: today, [notYet.id]: null, [superseded.id]: null, [rejected.id]: null });
    const asked = await notices(inScope.account.accountId, "VERDICT_ASKED");
    expect(asked.map((n) => [n.dedupeKey, n.answerId, n.submissionId])).toEqual([[`verdict:${due.id}`, due.id, s.submissionId]]);
    expect(await notices(outOfScope.account.accountId, "VERDICT_ASKED")).toHaveLength(0);

    await sweepDeadlines(today);
    expect(await notices(inScope.account.accountId, "VERDICT_ASKED")).toHaveLength(1);
    // The next day the partly-accepted item's date has passed too.
    await sweepDeadlines(addDays(today, 1));
    expect((await notices(inScope.account.accountId, "VERDICT_ASKED")).map((n) => n.answerId).sort()).toEqual([due.id, notYet.id].sort());
    expect(await code(callerFor(inScope.account).verdicts.give({ answerId: due.id, value: "YES" }))).toBe("OK");
  });

  it("is safe when several processes sweep at once: each event is stamped and told exactly once", async () => {
    const s = await overdueSubmission(3);
    const answer = await makeAnswer({ itemId: s.items[0]!.id, partyId: s.platformParties[0]!.id, status: "ACCEPTED", dueOn: addDays(today, -2) });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => sweepDeadlines(today)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const overdue = await notices(s.follower.account.accountId, "RESPONSE_OVERDUE");
    expect(overdue.map((n) => n.dedupeKey).sort()).toEqual(s.platformParties.map((p) => `overdue:${p.id}`).sort());
    expect((await notices(s.follower.account.accountId, "VERDICT_ASKED")).map((n) => n.answerId)).toEqual([answer.id]);
    // Every event was claimed by exactly one of the concurrent sweeps.
    const claims = results.flatMap((r) => {
      const v = (r as PromiseFulfilledResult<{ overdue: string[]; verdictsAsked: string[] }>).value;
      return [...v.overdue, ...v.verdictsAsked];
    });
    for (const id of [...s.platformParties.map((p) => p.id), answer.id]) expect(claims.filter((c) => c === id), id).toHaveLength(1);
  });
});

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
