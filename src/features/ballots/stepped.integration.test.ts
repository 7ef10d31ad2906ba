import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { castBallot } from "~/features/ballots/mutations";
import { getCampaignFigures } from "~/features/ballots/data";
import type { Turnout } from "~/features/ballots/turnout";
import { setPhase } from "~/features/campaigns/mutations";
import { getPublicCampaign } from "~/features/opendata/campaigns/data";
import { makeCampaign } from "~/test/campaign-factories";
import { voters } from "~/test/closed-campaign-factories";
import { callerFor } from "~/test/factories";

// Issue 12, recipe 1: an organiser (or anyone, with live results) saved the results, one ballot
// changed, and the difference gave that ballot's ranking. During voting everyone sees only the
// turnout, in steps of 5; the exact tally appears once, at close.

function turnoutOf(figures: Awaited<ReturnType<typeof getCampaignFigures>>): Turnout {
  if (figures.final) throw new Error("expected turnout only during voting");
  return figures.turnout;
}
const stepOk = (t: Pick<Turnout, "ballots">) => t.ballots === null || (t.ballots >= 5 && t.ballots % 5 === 0);

describe("turnout in steps during voting, the tally only at close", () => {
  it("an organiser who reads, lets one ballot change and reads again learns nothing", async () => {
    const { union, organiser, campaignId, demandIds: d } = await makeCampaign({ demands: 3, phase: "VOTING" });
    const ids = await voters(7, { city: "wuhan" });
    for (const id of ids) await castBallot(id, campaignId, [d[0]!, d[1]!]);
    const organiserCaller = callerFor(organiser.account);
    const publicCaller = callerFor(null);
    const readAll = async () => [await organiserCaller.ballots.results({ campaignId }), await publicCaller.ballots.results({ campaignId }), await getPublicCampaign(campaignId)];

    const before = await readAll();
    await castBallot(ids[3]!, campaignId, [d[2]!, d[0]!]);
    const after = await readAll();
    expect(after).toEqual(before);
    // What was shown carries no per-demand figure at all, only the stepped turnout.
    expect(JSON.stringify(before)).not.toMatch(/"points"|"firsts"|"includes"|"rows"/);
    expect(before[0]).toMatchObject({ final: false, turnout: { ballots: 5, step: 5 } });
    expect(before[2]).toMatchObject({ results: null, turnout: { ballotsAtLeast: 5, step: 5 } });

    // At close the exact tally is published once, with the changed ballot in it.
    await setPhase(union.id, campaignId, "CLOSED");
    const closed = await organiserCaller.ballots.results({ campaignId });
    if (!closed.final || !closed.results.enough) throw new Error("expected the final tally");
    expect(closed.results.ballots).toBe(7);
    expect(closed.results.rows.find((r) => r.demandId === d[2])).toMatchObject({ firsts: null, includes: null });
  });

  it("never shows 1 to 4 and moves only in steps of 5, over any sequence of casts and changes", async () => {
    const POOL = 13;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ voter: fc.nat(POOL - 1), ranking: fc.nat(5), verify: fc.boolean() }), { minLength: 1, maxLength: 16 }),
        async (acts) => {
          const { union, campaignId, demandIds: d } = await makeCampaign({ demands: 3, phase: "VOTING" });
          const ids = await voters(POOL);
          const readings: { ballots: number | null; verified: number | null }[] = [];
          const read = async () => {
            const t = turnoutOf(await getCampaignFigures(campaignId));
            const c = t.credibility;
            readings.push({ ballots: t.ballots, verified: c.kind === "share" ? c.verified : null });
            return t;
          };
          const cast = new Set<number>();
          let previous = await read();
          for (const act of acts) {
            // Some voters are verified in person by the union between their acts.
            if (act.verify) await db.verification.createMany({ data: [{ accountId: ids[act.voter]!, unionId: union.id }], skipDuplicates: true });
            const isChange = cast.has(act.voter);
            await castBallot(ids[act.voter]!, campaignId, [d[act.ranking % 3]!, d[(act.ranking + 1) % 3]!].slice(0, 1 + (act.ranking % 2)));
            cast.add(act.voter);
            const now = await read();
            if (isChange) expect(now.ballots).toEqual(previous.ballots);
            // Nothing moves, the verified part included, while the turnout stands still.
            if (now.ballots === previous.ballots) expect(now).toEqual(previous);
            previous = now;
          }
          for (const r of readings) {
            expect(stepOk({ ballots: r.ballots })).toBe(true);
            expect(r.verified === null || (r.verified >= 5 && r.verified % 5 === 0)).toBe(true);
          }
          for (const a of readings) for (const b of readings) expect(Math.abs((a.ballots ?? 0) - (b.ballots ?? 0)) % 5).toBe(0);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);

  it("releases the verified part only together with the turnout, so one voter's verification shows nowhere", async () => {
    const { union, campaignId, demandIds: d } = await makeCampaign({ demands: 2, phase: "VOTING" });
    const plain = await voters(8);
    const checked = await voters(7);
    await db.verification.createMany({ data: checked.map((accountId) => ({ accountId, unionId: union.id })) });
    const castAll = async (ids: string[]) => {
      for (const id of ids) await castBallot(id, campaignId, [d[0]!]);
    };
    const read = async () => turnoutOf(await getCampaignFigures(campaignId));
    await castAll([...plain, ...checked.slice(0, 2)]);
    expect(await read()).toMatchObject({ ballots: 10, credibility: { kind: "fewVerified" } });
    await castAll(checked.slice(2, 4));
    const before = await read();
    // The fifth verified voter: 13 ballots, 5 verified. Stepping each count on its own would now
    // show "5 verified" while the turnout stood at 10, naming this voter as verified.
    await castAll(checked.slice(4, 5));
    expect(await read()).toEqual(before);
    await castAll(checked.slice(5));
    expect(await read()).toMatchObject({ ballots: 15, credibility: { kind: "share", verified: 5 } });
  });

  it("shows nothing during proposing and fewer than 5 as no number", async () => {
    const { union, campaignId, demandIds: d } = await makeCampaign({ demands: 2 });
    expect(turnoutOf(await getCampaignFigures(campaignId)).ballots).toBeNull();
    await setPhase(union.id, campaignId, "VOTING");
    const ids = await voters(4);
    for (const id of ids) await castBallot(id, campaignId, [d[0]!]);
    expect(turnoutOf(await getCampaignFigures(campaignId))).toMatchObject({ ballots: null, credibility: { kind: "hidden" } });
  });
});
