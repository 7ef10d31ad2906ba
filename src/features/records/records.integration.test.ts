import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { getPlatformRecord, listPlatformRecords } from "~/features/records/data";
import { addVerdicts, answer, makePlatformRow, makeSubmission, on, type Named } from "~/test/opendata-factories";

// The record's arithmetic over a known set of submissions: four published ones addressed to
// the platform (answered after 10, 20 and 40 days, one never), plus a draft and another
// platform's submission that must not count.
const today = on("2026-06-01");
let platform: Named;
let other: Named;

beforeAll(async () => {
  [platform, other] = await Promise.all([makePlatformRow(db), makePlatformRow(db)]);
  const s1 = await makeSubmission(db, { platforms: [platform, other], publishedOn: "2026-01-01", items: 3 });
  const s2 = await makeSubmission(db, { platforms: [platform], publishedOn: "2026-02-01", items: 2 });
  const s3 = await makeSubmission(db, { platforms: [platform], publishedOn: "2026-03-01", items: 2 });
  await makeSubmission(db, { platforms: [platform], publishedOn: "2026-04-01", items: 1 }); // never answered, clock ran out
  const draft = await makeSubmission(db, { platforms: [platform], draft: true, items: 1 });
  const others = await makeSubmission(db, { platforms: [other], publishedOn: "2026-01-01", items: 1 });
  const p = (s: { parties: Record<string, string> }) => s.parties[platform.id]!;

  // s1 (first answer on day 10, complete): a commitment confirmed done, one judged not done,
  // one with only 4 verdicts (not shown, so not counted as judged). Verdicts count as released,
  // in steps of 5 (src/features/stats/releases), so the judged ones have multiples of 5.
  const done = await answer(db, { itemId: s1.items[0]!.id, partyId: p(s1), status: "ACCEPTED", dueOn: "2026-03-01", answeredOn: "2026-01-11" });
  await addVerdicts(db, done, { YES: 10, PARTLY: 5 });
  const notDone = await answer(db, { itemId: s1.items[1]!.id, partyId: p(s1), status: "PARTLY_ACCEPTED", dueOn: "2026-03-01", answeredOn: "2026-01-12" });
  await addVerdicts(db, notDone, { YES: 5, NO: 10 });
  const few = await answer(db, { itemId: s1.items[2]!.id, partyId: p(s1), status: "ACCEPTED", dueOn: "2026-03-01", answeredOn: "2026-01-12" });
  await addVerdicts(db, few, { YES: 4 });

  // s2 (day 20, partial): a superseded commitment with verdicts does not count; the current answer is a refusal.
  const old = await answer(db, { itemId: s2.items[0]!.id, partyId: p(s2), status: "ACCEPTED", dueOn: "2026-03-10", answeredOn: "2026-02-21" });
  await addVerdicts(db, old, { YES: 9 });
  await answer(db, { itemId: s2.items[0]!.id, partyId: p(s2), status: "REJECTED", answeredOn: "2026-02-25" });

  // s3 (day 40, late but complete): negotiating items are not commitments.
  await answer(db, { itemId: s3.items[0]!.id, partyId: p(s3), status: "NEGOTIATING", answeredOn: "2026-04-10" });
  await answer(db, { itemId: s3.items[1]!.id, partyId: p(s3), status: "NEGOTIATING", answeredOn: "2026-04-10" });

  // Answers and verdicts on the draft and on another platform's submission change nothing here.
  const hidden = await answer(db, { itemId: draft.items[0]!.id, partyId: p(draft), status: "ACCEPTED", dueOn: "2026-02-01", answeredOn: "2026-01-02" });
  await addVerdicts(db, hidden, { NO: 7 });
  const foreign = await answer(db, { itemId: others.items[0]!.id, partyId: others.parties[other.id]!, status: "ACCEPTED", dueOn: "2026-02-01", answeredOn: "2026-01-02" });
  await addVerdicts(db, foreign, { YES: 8 });
});

describe("platform records", () => {
  it("counts response rate, answers within the clock and overdue ones over published submissions only", async () => {
    const record = await getPlatformRecord(platform.slug, {}, today);
    expect(record?.responses).toEqual({
      addressed: 4,
      answered: 3,
      answeredOnTime: 2,
      overdue: 2,
      responseRate: 0.75,
      onTimeRate: 0.5,
      medianDaysToFirstAnswer: 20,
    });
  });

  it("counts a commitment confirmed only when its verdicts may be shown and more than half say done", async () => {
    const record = await getPlatformRecord(platform.slug, {}, today);
    expect(record?.commitments).toEqual({ total: 3, judged: 2, confirmedDone: 1, confirmedShare: 0.5 });
  });

  it("keeps each addressee of a shared submission to its own answers", async () => {
    const record = await getPlatformRecord(other.slug, {}, today);
    // other: s1 unanswered by it (clock out), its own submission answered on day 1.
    expect(record?.responses).toMatchObject({ addressed: 2, answered: 1, medianDaysToFirstAnswer: 1, overdue: 1 });
    expect(record?.commitments).toEqual({ total: 1, judged: 1, confirmedDone: 1, confirmedShare: 1 });
  });

  it("lists the platform's published submissions newest first with their status", async () => {
    const record = await getPlatformRecord(platform.slug, {}, today);
    expect(record?.submissions.map((s) => [s.firstPublishedOn.toISOString().slice(0, 10), s.status, s.answeredItems, s.items, s.commitments])).toEqual([
      ["2026-04-01", "OVERDUE", 0, 1, 0],
      ["2026-03-01", "COMPLETE", 2, 2, 0],
      ["2026-02-01", "OVERDUE", 1, 2, 0],
      ["2026-01-01", "COMPLETE", 3, 3, 3],
    ]);
  });

  it("gives a platform with no submissions empty figures, not zeros that look like a refusal", async () => {
    const empty = await makePlatformRow(db);
    const record = await getPlatformRecord(empty.slug, {}, today);
    expect(record?.responses).toEqual({ addressed: 0, answered: 0, answeredOnTime: 0, overdue: 0, responseRate: null, onTimeRate: null, medianDaysToFirstAnswer: null });
    expect(record?.commitments).toEqual({ total: 0, judged: 0, confirmedDone: 0, confirmedShare: null });
    expect(record?.submissions).toEqual([]);
    expect(await getPlatformRecord(`no-such-${empty.slug}`, {}, today)).toBeNull();
  });

  it("lists every platform with the same figures as its own page", async () => {
    const all = await listPlatformRecords(today);
    const mine = all.find((r) => r.platform.slug === platform.slug);
    const single = await getPlatformRecord(platform.slug, {}, today);
    expect(mine?.responses).toEqual(single?.responses);
    expect(mine?.commitments).toEqual(single?.commitments);
  });

  it("pages every submission with the open-data cursors, no fixed cap: each once, newest first", async () => {
    const whole = (await getPlatformRecord(platform.slug, { limit: 100 }, today))!;
    expect(whole.submissions).toHaveLength(4);
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = (await getPlatformRecord(platform.slug, { limit: 3, cursor }, today))!;
      seen.push(...page.submissions.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(whole.submissions.map((s) => s.id));
    const days = whole.submissions.map((s) => s.firstPublishedOn.getTime());
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("refuses a cursor it did not give out", async () => {
    await expect(getPlatformRecord(platform.slug, { cursor: "not-a-cursor" }, today)).rejects.toThrow();
  });
});
