import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { setPhase } from "~/features/campaigns/mutations";
import { callerFor, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
const fields = (title: string) => ({ title, text: "Riders should get a paid rest day every week.", category: "welfare_and_leave" as const });

describe("demands", () => {
  it("workers propose and support; merging carries supports over once per account", async () => {
    const { campaignId, organiser } = await makeCampaign();
    const workers = await Promise.all([0, 1, 2].map(() => makeWorker()));
    const [w0, w1, w2] = workers.map((w) => callerFor(w.account));
    const a = await w0!.demands.propose({ campaignId, ...fields("Paid rest day") });
    const b = await w1!.demands.propose({ campaignId, ...fields("A weekly day off with pay") });
    await w0!.demands.support({ demandId: a.id, support: true });
    await w1!.demands.support({ demandId: a.id, support: true });
    await w1!.demands.support({ demandId: b.id, support: true });
    await w2!.demands.support({ demandId: b.id, support: true });
    // Double taps are harmless.
    await Promise.all(Array.from({ length: 20 }, () => w2!.demands.support({ demandId: b.id, support: true })));
    expect((await db.demand.findUniqueOrThrow({ where: { id: b.id } })).supportCount).toBe(2);

    const org = callerFor(organiser.account);
    await org.demands.merge({ campaignId, sourceIds: [b.id], targetId: a.id });
    expect((await db.demand.findUniqueOrThrow({ where: { id: a.id } })).supportCount).toBe(3);
    expect(await db.demandSupport.count({ where: { demandId: a.id } })).toBe(3);
    // Three supporters is a statistic about fewer than 5 workers: nobody is shown the number.
    expect((await org.demands.forUnion({ campaignId })).find((d) => d.id === a.id)!.supportCount).toBeNull();
    expect((await w0!.demands.list({ campaignId })).find((d) => d.id === a.id)!.supportCount).toBeNull();
    const list = await org.demands.forUnion({ campaignId });
    expect(list.find((d) => d.id === b.id)).toMatchObject({ status: "MERGED" });
    expect(list.find((d) => d.id === a.id)!.revisions.map((r) => r.kind)).toEqual(["merged", "proposed"]);
    // The worker whose proposal was merged sees where it went.
    expect((await w1!.demands.mine({ campaignId }))[0]).toMatchObject({ status: "MERGED", mergedInto: { title: "Paid rest day" } });
  });

  it("organisers edit with history, reject with a reason the proposer sees, only in their own union", async () => {
    const { campaignId, organiser } = await makeCampaign();
    const worker = callerFor((await makeWorker()).account);
    const d = await worker.demands.propose({ campaignId, ...fields("Rest day") });
    const org = callerFor(organiser.account);
    await org.demands.edit({ demandId: d.id, ...fields("One paid rest day a week") });
    await org.demands.reject({ demandId: d.id, reason: "Covered by demand #1" });
    const [mine] = await worker.demands.mine({ campaignId });
    expect(mine).toMatchObject({ status: "REJECTED", rejectReason: "Covered by demand #1", title: "One paid rest day a week" });
    const history = (await org.demands.forUnion({ campaignId })).find((x) => x.id === d.id)!.revisions;
    expect(history.map((r) => r.title)).toEqual(["One paid rest day a week", "Rest day"]);

    const stranger = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    expect(await code(stranger.demands.approve({ demandId: d.id }))).toBe("NOT_FOUND");
    expect(await code(stranger.campaigns.setPhase({ campaignId, phase: "VOTING" }))).toBe("NOT_FOUND");
    expect(await stranger.demands.forUnion({ campaignId })).toEqual([]);
    expect(await code(worker.demands.approve({ demandId: d.id }))).toBe("FORBIDDEN");
  });

  it("refuse personal data, proposals outside the proposing phase and unknown fields", async () => {
    const { campaignId, union } = await makeCampaign();
    const worker = callerFor((await makeWorker()).account);
    expect(await code(worker.demands.propose({ campaignId, title: "Call me", text: "My phone is 138 1234 5678, call me.", category: "other" }))).toBe("PII_DETECTED");
    expect(await code(worker.demands.propose({ campaignId, ...fields("x".repeat(121)) }))).toBe("BAD_REQUEST");
    expect(await code(worker.demands.propose({ campaignId, ...fields("Fine"), status: "APPROVED" } as never))).toBe("BAD_REQUEST");
    await setPhase(union.id, campaignId, "VOTING");
    expect(await code(worker.demands.propose({ campaignId, ...fields("Too late") }))).toBe("PHASE_CLOSED");
    expect(await db.demand.count({ where: { campaignId } })).toBe(0);
  });
});
