import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addDays, chinaToday } from "~/lib/days";
import { callerFor, makeStaff, makeWorker } from "~/test/factories";
import { makeProfiledWorker } from "~/test/campaign-factories";
import { makeAnswer, makePublishedSubmission } from "~/test/submission-factories";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);

/** A submission scoped to Wuhan whose platform accepted item 1 with a date that passed yesterday. */
async function pastCommitment() {
  const s = await makePublishedSubmission({ demands: 4, platforms: 1, input: { scopeCities: ["wuhan"] } });
  const partyId = s.platformParties[0]!.id;
  const answer = await makeAnswer({ itemId: s.items[0]!.id, partyId, status: "ACCEPTED", dueOn: addDays(chinaToday(), -1) });
  return { ...s, partyId, answerId: answer.id };
}

const verdictsFor = (answerId: string) => db.itemVerdict.findMany({ where: { answerId } });

describe("verdicts", () => {
  it("a worker in scope judges a commitment after its date; changing it keeps one row with no account id", async () => {
    const s = await pastCommitment();
    const worker = await makeProfiledWorker("wuhan");
    const caller = callerFor(worker.account);
    expect(await caller.verdicts.mine({ submissionId: s.submissionId })).toEqual({ refusal: null, mine: {} });
    await caller.verdicts.give({ answerId: s.answerId, value: "NO" });
    await caller.verdicts.give({ answerId: s.answerId, value: "PARTLY" });
    const rows = await verdictsFor(s.answerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: "PARTLY", city: "wuhan", givenOn: chinaToday() });
    // P3: the row holds a keyed hash, not the account; P2: a random id, not a time-ordered one.
    expect(JSON.stringify(rows[0])).not.toContain(worker.account.accountId);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(await caller.verdicts.mine({ submissionId: s.submissionId })).toEqual({ refusal: null, mine: { [s.answerId]: "PARTLY" } });
  });

  it("20 concurrent verdicts from one account leave one row", async () => {
    const s = await pastCommitment();
    const caller = callerFor((await makeProfiledWorker("wuhan")).account);
    const values = ["YES", "PARTLY", "NO"] as const;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => caller.verdicts.give({ answerId: s.answerId, value: values[i % 3]! })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await verdictsFor(s.answerId)).toHaveLength(1);
  });

  it("refuses verdicts before the date, on superseded answers, on rejections and negotiations, out of scope, from staff; stores nothing", async () => {
    const s = await pastCommitment();
    const inScope = callerFor((await makeProfiledWorker("wuhan")).account);
    const [, item2, item3, item4] = s.items;
    const future = await makeAnswer({ itemId: item2!.id, partyId: s.partyId, status: "PARTLY_ACCEPTED", dueOn: chinaToday() });
    const rejected = await makeAnswer({ itemId: item3!.id, partyId: s.partyId, status: "REJECTED", dueOn: null });
    const negotiating = await makeAnswer({ itemId: item4!.id, partyId: s.partyId, status: "NEGOTIATING", dueOn: null });
    const old = await makeAnswer({ itemId: item4!.id, partyId: s.partyId, status: "ACCEPTED", dueOn: addDays(chinaToday(), -5), current: false });

    expect(await code(inScope.verdicts.give({ answerId: future.id, value: "YES" }))).toBe("VERDICT_NOT_YET");
    expect(await code(inScope.verdicts.give({ answerId: old.id, value: "YES" }))).toBe("ANSWER_SUPERSEDED");
    expect(await code(inScope.verdicts.give({ answerId: rejected.id, value: "NO" }))).toBe("NOT_A_COMMITMENT");
    expect(await code(inScope.verdicts.give({ answerId: negotiating.id, value: "NO" }))).toBe("NOT_A_COMMITMENT");
    expect(await code(inScope.verdicts.give({ answerId: "no-such-answer", value: "NO" }))).toBe("NOT_FOUND");
    expect(await code(inScope.verdicts.give({ answerId: s.answerId, value: "MAYBE" as never }))).toBe("BAD_REQUEST");

    const outOfScope = callerFor((await makeProfiledWorker("beijing")).account);
    expect(await code(outOfScope.verdicts.give({ answerId: s.answerId, value: "YES" }))).toBe("OUT_OF_SCOPE");
    expect((await outOfScope.verdicts.mine({ submissionId: s.submissionId })).refusal).toBe("OUT_OF_SCOPE");
    const noProfile = callerFor((await makeWorker()).account);
    expect(await code(noProfile.verdicts.give({ answerId: s.answerId, value: "YES" }))).toBe("OUT_OF_SCOPE");

    for (const staff of [s.platforms[0]!.rep!.account, s.organiser.account, (await makeStaff("ADMIN")).account]) {
      expect(await code(callerFor(staff).verdicts.give({ answerId: s.answerId, value: "YES" }))).toBe("FORBIDDEN");
    }
    expect(await code(callerFor(null).verdicts.give({ answerId: s.answerId, value: "YES" }))).toBe("UNAUTHORIZED");
    expect(await db.itemVerdict.count({ where: { answer: { partyId: s.partyId } } })).toBe(0);
  });

  it("a campaign of verified workers takes verdicts only from workers its union verified", async () => {
    const s = await makePublishedSubmission({ demands: 1, platforms: 1, input: { verifiedOnly: true } });
    const answer = await makeAnswer({ itemId: s.items[0]!.id, partyId: s.platformParties[0]!.id, status: "PARTLY_ACCEPTED" });
    const worker = await makeWorker();
    expect(await code(callerFor(worker.account).verdicts.give({ answerId: answer.id, value: "YES" }))).toBe("NOT_VERIFIED");
    await db.verification.create({ data: { accountId: worker.account.accountId, unionId: s.union.id } });
    expect(await code(callerFor(worker.account).verdicts.give({ answerId: answer.id, value: "YES" }))).toBe("OK");
    expect(await verdictsFor(answer.id)).toHaveLength(1);
  });

  it("an answer superseded after verdicts keeps them, but takes no more; the new claim starts afresh", async () => {
    const s = await pastCommitment();
    const worker = callerFor((await makeProfiledWorker("wuhan")).account);
    await worker.verdicts.give({ answerId: s.answerId, value: "NO" });
    const rep = callerFor(s.platforms[0]!.rep!.account);
    await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: s.items[0]!.id, status: "NEGOTIATING", text: "We need more time." });
    expect(await code(worker.verdicts.give({ answerId: s.answerId, value: "YES" }))).toBe("ANSWER_SUPERSEDED");
    expect((await verdictsFor(s.answerId)).map((v) => v.value)).toEqual(["NO"]);
    const page = (await callerFor(null).answers.public({ submissionId: s.submissionId }))!;
    expect(page.items[0]!.claims[0]).toMatchObject({ answer: { status: "NEGOTIATING" }, verdictsOpen: false, verdicts: null });
  });

  it("verdicts on the public page need 5 workers and move only in steps: one verdict around a reading moves nothing by 1 to 4", async () => {
    const s = await pastCommitment();
    const workers = await Promise.all(Array.from({ length: 11 }, () => makeProfiledWorker("wuhan")));
    const give = (i: number, value: "YES" | "PARTLY" | "NO") => callerFor(workers[i]!.account).verdicts.give({ answerId: s.answerId, value });
    const shown = async () => (await callerFor(null).answers.public({ submissionId: s.submissionId }))!.items[0]!.claims[0]!.verdicts;
    const readings = [await shown()];

    for (let i = 0; i < 4; i++) await give(i, "YES");
    expect(await shown()).toEqual({ shown: false });
    await give(4, "YES");
    // A value with fewer than 5 reads "fewer than 5" (null), never 0 beside a hidden one.
    expect(await shown()).toEqual({ shown: true, total: 5, counts: { YES: 5, PARTLY: null, NO: null }, outcome: "DONE" });
    // One "no" after the release: the reading before and after it are the same.
    const before = await shown();
    await give(5, "NO");
    expect(await shown()).toEqual(before);
    // Changing one's mind is an act too, but the same worker counts once.
    await give(5, "YES");
    await give(5, "NO");
    expect(await shown()).toEqual(before);
    for (let i = 6; i < 11; i++) {
      await give(i, "NO");
      readings.push(await shown());
    }
    expect(await shown()).toMatchObject({ shown: true, counts: { YES: 5, NO: 5 } });
    // No two readings differ by 1 to 4 in any value.
    const value = (r: (typeof readings)[number], v: "YES" | "PARTLY" | "NO") => (r && r.shown ? (r.counts[v] ?? 0) : 0);
    for (const a of readings) for (const b of readings) for (const v of ["YES", "PARTLY", "NO"] as const) {
      const d = Math.abs(value(a, v) - value(b, v));
      expect(d === 0 || d >= 5).toBe(true);
    }
  });
});
