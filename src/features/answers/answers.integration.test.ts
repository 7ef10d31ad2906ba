import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addDays, isoDay, chinaToday } from "~/lib/days";
import { setFollow } from "~/features/notifications/mutations";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { makePublishedSubmission } from "~/test/submission-factories";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
const inDays = (n: number) => isoDay(addDays(chinaToday(), n));
const answersOf = (partyId: string) => db.answer.findMany({ where: { partyId }, orderBy: { id: "asc" } });

describe("answers", () => {
  it("a representative sees only published submissions addressed to their platform, with the clock and answered count", async () => {
    const mine = await makePublishedSubmission({ demands: 3, platforms: 1 });
    const other = await makePublishedSubmission({ demands: 2, platforms: 1 });
    const { platform, rep } = mine.platforms[0]!;
    // A draft addressed to the same platform stays out of the inbox.
    const draftCampaign = await makePublishedSubmission({ demands: 1, platforms: 0, platformIds: [platform.id] });
    await db.submission.update({ where: { id: draftCampaign.submissionId }, data: { firstPublishedOn: null, currentVersion: 0 } });

    const caller = callerFor(rep!.account);
    const inbox = await caller.answers.inbox();
    expect(inbox.map((e) => e.submissionId)).toEqual([mine.submissionId]);
    expect(inbox[0]).toMatchObject({ items: 3, answered: 0, completedOn: null, respondBy: addDays(chinaToday(), 30) });
    expect(inbox.map((e) => e.submissionId)).not.toContain(other.submissionId);

    await caller.answers.answerAsPlatform({ submissionId: mine.submissionId, itemId: mine.items[0]!.id, status: "REJECTED", text: "Not this year." });
    expect((await caller.answers.inbox())[0]).toMatchObject({ answered: 1 });
    expect(await code(caller.answers.platformDesk({ submissionId: draftCampaign.submissionId }))).toBe("NOT_FOUND");
  });

  it("a representative of another platform can neither read the entry nor answer, and inputs cannot name a party", async () => {
    const s = await makePublishedSubmission({ demands: 2, platforms: 1 });
    const outsider = callerFor((await makeStaff("PLATFORM_REP", (await makePlatform()).id)).account);
    const own = callerFor(s.platforms[0]!.rep!.account);
    const input = { submissionId: s.submissionId, itemId: s.items[0]!.id, status: "REJECTED" as const, text: "We refuse." };
    expect(await code(outsider.answers.platformDesk({ submissionId: s.submissionId }))).toBe("NOT_FOUND");
    expect(await code(outsider.answers.answerAsPlatform(input))).toBe("NOT_FOUND");
    expect(await code(outsider.answers.answerAsPlatform({ ...input, platformId: s.platforms[0]!.platform.id } as never))).toBe("BAD_REQUEST");
    expect(await code(outsider.answers.answerAsPlatform({ ...input, partyId: s.platformParties[0]!.id } as never))).toBe("BAD_REQUEST");
    // Organisers (even of the campaign's union), workers and admins are refused at the rung.
    expect(await code(callerFor(s.organiser.account).answers.answerAsPlatform(input))).toBe("FORBIDDEN");
    expect(await code(callerFor((await makeWorker()).account).answers.platformDesk({ submissionId: s.submissionId }))).toBe("FORBIDDEN");
    expect(await code(callerFor(null).answers.answerAsPlatform(input))).toBe("UNAUTHORIZED");
    expect(await db.answer.count({ where: { party: { submissionId: s.submissionId } } })).toBe(0);
    // The right representative reads it and answers.
    expect((await own.answers.platformDesk({ submissionId: s.submissionId })).items).toHaveLength(2);
    expect(await code(own.answers.answerAsPlatform(input))).toBe("OK");
  });

  it("a new answer supersedes the old one; first answer and completion are dated; followers are told once per answer", async () => {
    const s = await makePublishedSubmission({ demands: 2, platforms: 1 });
    const follower = await makeWorker();
    await setFollow(follower.account.accountId, s.campaignId, true);
    const rep = callerFor(s.platforms[0]!.rep!.account);
    const partyId = s.platformParties[0]!.id;
    const [a, b] = s.items;

    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: a!.id, status: "NEGOTIATING", text: "We are talking to the union." });
    let party = await db.submissionParty.findUniqueOrThrow({ where: { id: partyId } });
    expect(party.firstAnsweredOn).toEqual(chinaToday());
    expect(party.completedOn).toBeNull();

    const due = inDays(60);
    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: a!.id, status: "ACCEPTED", text: "Agreed: from next quarter.", dueOn: due });
    const rows = await answersOf(partyId);
    expect(rows.map((r) => [r.status, r.current])).toEqual(expect.arrayContaining([["NEGOTIATING", false], ["ACCEPTED", true]]));
    expect(rows.find((r) => r.current)!.dueOn).toEqual(new Date(`${due}T00:00:00Z`));
    expect(rows.find((r) => r.current)!.authorId).toBe(s.platforms[0]!.rep!.account.accountId);
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: partyId } })).completedOn).toBeNull();

    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: b!.id, status: "PARTLY_ACCEPTED", text: "Half of it.", dueOn: inDays(0) });
    party = await db.submissionParty.findUniqueOrThrow({ where: { id: partyId } });
    expect(party.completedOn).toEqual(chinaToday());

    const notices = await db.notification.findMany({ where: { accountId: follower.account.accountId, kind: "ANSWER_ARRIVED" } });
    expect(notices).toHaveLength(3);
    expect(new Set(notices.map((n) => n.dedupeKey))).toEqual(new Set((await answersOf(partyId)).map((r) => `answer:${r.id}`)));
    expect(notices.every((n) => n.submissionId === s.submissionId && n.answerId)).toBe(true);
  });

  it("refuses bad answers with clear errors and stores nothing", async () => {
    const s = await makePublishedSubmission({ demands: 1, platforms: 1 });
    const rep = callerFor(s.platforms[0]!.rep!.account);
    const base = { submissionId: s.submissionId, itemId: s.items[0]!.id, text: "We accept this demand." };
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "ACCEPTED" }))).toBe("DUE_DATE_REQUIRED");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "PARTLY_ACCEPTED", dueOn: inDays(-1) }))).toBe("DUE_DATE_PAST");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "ACCEPTED", dueOn: "2027-02-30" }))).toBe("BAD_INPUT");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "ACCEPTED", dueOn: inDays(366 * 6) }))).toBe("BAD_INPUT");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "REJECTED", dueOn: inDays(10) }))).toBe("BAD_INPUT");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "REJECTED", text: "Call me on 138 0013 8000." }))).toBe("PII_DETECTED");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "REJECTED", text: "   " }))).toBe("BAD_REQUEST");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "REJECTED", text: "x".repeat(2001) }))).toBe("BAD_REQUEST");
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "MAYBE" as never }))).toBe("BAD_REQUEST");
    const foreignItem = (await makePublishedSubmission({ demands: 1, platforms: 0 })).items[0]!.id;
    expect(await code(rep.answers.answerAsPlatform({ ...base, status: "REJECTED", itemId: foreignItem }))).toBe("NOT_FOUND");
    expect(await db.answer.count({ where: { partyId: s.platformParties[0]!.id } })).toBe(0);
    expect((await db.submissionParty.findUniqueOrThrow({ where: { id: s.platformParties[0]!.id } })).firstAnsweredOn).toBeNull();
  });

  it("20 concurrent identical answers store one; concurrent different answers leave exactly one current", async () => {
    const s = await makePublishedSubmission({ demands: 2, platforms: 1 });
    const follower = await makeWorker();
    await setFollow(follower.account.accountId, s.campaignId, true);
    const rep = callerFor(s.platforms[0]!.rep!.account);
    const partyId = s.platformParties[0]!.id;
    const same = { submissionId: s.submissionId, itemId: s.items[0]!.id, status: "ACCEPTED" as const, text: "Yes, we will.", dueOn: inDays(30) };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => rep.answers.answerAsPlatform(same)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ answerId: string }>).value.answerId));
    expect(ids.size).toBe(1);
    expect(await db.answer.count({ where: { partyId, itemId: same.itemId } })).toBe(1);
    expect(await db.notification.count({ where: { accountId: follower.account.accountId, kind: "ANSWER_ARRIVED" } })).toBe(1);

    const item = s.items[1]!.id;
    const texts = Array.from({ length: 8 }, (_, i) => `Position number ${i}.`);
    const changed = await Promise.allSettled(texts.map((text) => rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: item, status: "NEGOTIATING", text })));
    expect(changed.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.answer.findMany({ where: { partyId, itemId: item } });
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.current)).toHaveLength(1);
  });

  it("the campaign's union answers as the union party; organisers of another union cannot", async () => {
    const s = await makePublishedSubmission({ demands: 1, platforms: 1, union: true });
    const own = callerFor(s.organiser.account);
    const otherOrganiser = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    const input = { submissionId: s.submissionId, itemId: s.items[0]!.id, status: "ACCEPTED" as const, text: "The union will raise it at every meeting.", dueOn: inDays(20) };
    expect(await code(otherOrganiser.answers.unionDesk({ submissionId: s.submissionId }))).toBe("NOT_FOUND");
    expect(await code(otherOrganiser.answers.answerAsUnion(input))).toBe("NOT_FOUND");
    expect(await code(callerFor(s.platforms[0]!.rep!.account).answers.answerAsUnion(input))).toBe("FORBIDDEN");
    expect((await own.answers.unionDesk({ submissionId: s.submissionId })).party.kind).toBe("UNION");
    await own.answers.answerAsUnion(input);
    const union = await db.submissionParty.findUniqueOrThrow({ where: { id: s.unionParty!.id } });
    expect(union.completedOn).toEqual(chinaToday());
    expect(await db.answer.count({ where: { partyId: s.platformParties[0]!.id } })).toBe(0);

    // No union party: the union's organisers have nothing to answer.
    const noUnion = await makePublishedSubmission({ demands: 1, platforms: 1, union: false });
    expect(await code(callerFor(noUnion.organiser.account).answers.unionDesk({ submissionId: noUnion.submissionId }))).toBe("NOT_FOUND");
  });

  it("the public answers page shows current claims, every earlier position and the clock; nothing of drafts", async () => {
    const s = await makePublishedSubmission({ demands: 2, platforms: 1, union: true });
    const rep = callerFor(s.platforms[0]!.rep!.account);
    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: s.items[0]!.id, status: "NEGOTIATING", text: "Talking." });
    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: s.items[0]!.id, status: "ACCEPTED", text: "Done by summer.", dueOn: inDays(90) });
    const page = (await callerFor(null).answers.public({ submissionId: s.submissionId }))!;
    expect(page.submission).toMatchObject({ publishedOn: chinaToday(), respondBy: addDays(chinaToday(), 30) });
    expect(page.parties.map((p) => [p.kind, p.answered])).toEqual([["PLATFORM", 1], ["UNION", 0]]);
    const first = page.items[0]!.claims[0]!;
    expect(first.answer).toMatchObject({ status: "ACCEPTED", text: "Done by summer.", current: true });
    expect(first.verdictsOpen).toBe(false);
    expect(page.items[0]!.claims[1]!.answer).toBeNull();
    expect(page.timeline.map((a) => [a.status, a.current])).toEqual([["ACCEPTED", true], ["NEGOTIATING", false]]);
    expect(JSON.stringify(page)).not.toContain(s.platforms[0]!.rep!.account.accountId);

    await db.submission.update({ where: { id: s.submissionId }, data: { firstPublishedOn: null } });
    expect(await callerFor(null).answers.public({ submissionId: s.submissionId })).toBeNull();
  });
});
