import { describe, expect, it } from "vitest";
import { setSupport, proposeDemand } from "~/features/demands/mutations";
import { listDemandsForUnion, listDemandsForWorker } from "~/features/demands/data";
import { makeWorker } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";

// Issue 12, recipes 1 and 4 for support counts: one support around a reading moves nothing by
// 1 to 4; 0 is never shown beside hidden counts; the order of a list follows released counts.

const fields = (title: string) => ({ title, text: "Riders should get a paid rest day every week.", category: "welfare_and_leave" as const });
const workers = (n: number) => Promise.all(Array.from({ length: n }, async () => (await makeWorker()).account.accountId));

describe("support counts move only in steps", () => {
  it("one worker's support or withdrawal changes no reading, and small counts are all alike", async () => {
    const { campaignId, union } = await makeCampaign();
    const [proposer, ...rest] = await workers(13);
    const a = await proposeDemand(proposer!, campaignId, fields("Paid rest day"));
    const b = await proposeDemand(proposer!, campaignId, fields("Heat allowance in summer"));
    const c = await proposeDemand(proposer!, campaignId, fields("Appeal before deactivation"));
    const read = async () => Object.fromEntries((await listDemandsForWorker(campaignId)).map((d) => [d.number, d.supportCount]));

    // b gets 3 supports, c none: both read "fewer than 5" (null), never 0 beside a hidden count.
    for (const w of rest.slice(0, 3)) await setSupport(w, b.id, true);
    expect(await read()).toEqual({ [a.number]: null, [b.number]: null, [c.number]: null });

    for (const w of rest.slice(3, 10)) await setSupport(w, a.id, true);
    const before = await read();
    expect(before[a.number]).toBe(5);
    // The order is by released count, then by number: b (3 live) and c (0) stay in number order.
    expect((await listDemandsForWorker(campaignId)).map((d) => d.number)).toEqual([a.number, b.number, c.number]);

    // One more worker, then that worker withdrawing: the readings do not move.
    await setSupport(rest[10]!, b.id, true);
    expect(await read()).toEqual(before);
    await setSupport(rest[10]!, b.id, false);
    expect(await read()).toEqual(before);
    // The organiser reads the same stepped counts.
    const forUnion = await listDemandsForUnion(union.id, campaignId);
    expect(Object.fromEntries(forUnion.map((d) => [d.number, d.supportCount]))).toEqual(before);
  });
});
