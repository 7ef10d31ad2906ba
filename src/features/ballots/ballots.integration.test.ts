import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { castBallot, coarseProfile } from "~/features/ballots/mutations";
import { getCampaignFigures, loadTallyForAudit } from "~/features/ballots/data";
import { recount } from "~/features/ballots/tally";
import { setPhase } from "~/features/campaigns/mutations";
import { createInviteCodes, redeemInviteCode } from "~/features/verification/mutations";
import { makePlatform, makeWorker } from "~/test/factories";
import { makeCampaign, makeProfiledWorker } from "~/test/campaign-factories";
import { writerFor } from "~/test/write-client";

/** The running tally must equal a recount of the stored ballots, cell by cell. */
async function expectTallyMatchesRecount(campaignId: string) {
  const { cells, groups, ballots } = await loadTallyForAudit(campaignId);
  const fresh = recount(ballots.map((b) => ({ demandIds: b.demandIds, profile: { city: b.city, platform: b.platform, sector: b.sector } })));
  const stored = new Map(cells.filter((c) => c.points || c.firsts || c.includes).map((c) => [`${c.dim}|${c.value}|${c.demandId}`, c]));
  expect(stored.size).toBe(fresh.cells.size);
  for (const [key, c] of fresh.cells) expect(stored.get(key), key).toMatchObject({ points: c.points, firsts: c.firsts, includes: c.includes });
  // The group "verified" is a counter that no ballot can recount: ballots carry no such mark (P6).
  const storedGroups = new Map(groups.filter((g) => g.ballots && g.dim !== "verified").map((g) => [`${g.dim}|${g.value}`, g.ballots]));
  expect(storedGroups).toEqual(fresh.groups);
}

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);

describe("ballots", () => {
  it("rank up to 5 approved demands and can be changed, the tally following exactly", async () => {
    const { campaignId, demandIds: d } = await makeCampaign({ demands: 6, phase: "VOTING" });
    const a = await makeProfiledWorker("wuhan", [], ["COURIER"]);
    const b = await makeProfiledWorker("beijing");
    await castBallot(a.account.accountId, campaignId, [d[0]!, d[1]!, d[2]!]);
    await castBallot(b.account.accountId, campaignId, [d[1]!]);
    await castBallot(a.account.accountId, campaignId, [d[3]!, d[0]!]);
    await expectTallyMatchesRecount(campaignId);
    const { cells, groups } = await loadTallyForAudit(campaignId);
    expect(groups.find((g) => g.dim === "all")!.ballots).toBe(2);
    const all = (id: string) => cells.find((c) => c.dim === "all" && c.demandId === id);
    expect(all(d[3]!)).toMatchObject({ points: 5, firsts: 1, includes: 1 });
    expect(all(d[0]!)).toMatchObject({ points: 4, firsts: 0, includes: 1 });
    expect(all(d[2]!)).toMatchObject({ points: 0, firsts: 0, includes: 0 });
    expect(all(d[1]!)).toMatchObject({ points: 5, firsts: 1, includes: 1 });
  });

  it("copy the voter's coarse profile onto the ballot, never the account or whether it is verified", async () => {
    const { campaignId, demandIds: d, union } = await makeCampaign({ demands: 2, phase: "VOTING" });
    const p1 = await makePlatform();
    const p2 = await makePlatform();
    const several = await makeProfiledWorker("wuhan", [p1.slug, p2.slug], []);
    const single = await makeProfiledWorker("beijing", [p1.slug], ["COURIER"]);
    const blank = await makeWorker(); // never saved a profile: its lists are NULL in the table
    const { codes } = await createInviteCodes(union.id, 1, 1);
    await redeemInviteCode(single.account.accountId, codes[0]!);
    await castBallot(several.account.accountId, campaignId, [d[0]!]);
    await castBallot(single.account.accountId, campaignId, [d[1]!]);
    await castBallot(blank.account.accountId, campaignId, [d[0]!, d[1]!]);
    const stored = await db.ballot.findMany({ where: { campaignId }, select: { city: true, platform: true, sector: true } });
    const profiles = [
      coarseProfile({ city: "wuhan", platformSlugs: [p1.slug, p2.slug], sectors: [] }),
      coarseProfile({ city: "beijing", platformSlugs: [p1.slug], sectors: ["COURIER"] }),
      coarseProfile({ city: null, platformSlugs: [], sectors: [] }),
    ];
    expect(profiles.map((p) => [p.platform, p.sector])).toEqual([["several", "unknown"], [p1.slug, "COURIER"], ["unknown", "unknown"]]);
    expect(stored).toEqual(expect.arrayContaining(profiles));
    await expectTallyMatchesRecount(campaignId);
  });

  it("count the first ballots of verified voters in a running tally group, which a later change leaves alone", async () => {
    const { campaignId, demandIds: d, union } = await makeCampaign({ demands: 2, phase: "VOTING" });
    const early = await makeWorker();
    const { codes: first } = await createInviteCodes(union.id, 1, 1);
    await redeemInviteCode(early.account.accountId, first[0]!);
    await castBallot(early.account.accountId, campaignId, [d[0]!]);
    await castBallot(early.account.accountId, campaignId, [d[1]!]);
    const late = await makeWorker();
    await castBallot(late.account.accountId, campaignId, [d[0]!]);
    const { codes } = await createInviteCodes(union.id, 1, 1);
    await redeemInviteCode(late.account.accountId, codes[0]!);
    await castBallot(late.account.accountId, campaignId, [d[1]!]);
    await castBallot((await makeWorker()).account.accountId, campaignId, [d[0]!]);
    const { groups } = await loadTallyForAudit(campaignId);
    // early counts once (changing does not count again); late was not verified at its first ballot.
    expect(groups.find((g) => g.dim === "verified")?.ballots).toBe(1);
    expect(groups.find((g) => g.dim === "all")?.ballots).toBe(3);
    await expectTallyMatchesRecount(campaignId);
  });

  it("refuse bad ballots with a clear error and store nothing", async () => {
    const { campaignId, demandIds: d } = await makeCampaign({ demands: 6, phase: "VOTING" });
    const other = await makeCampaign({ demands: 1, phase: "VOTING" });
    const pending = await makeCampaign({ demands: 1 });
    const { account } = await makeWorker();
    const caller = writerFor(account);
    expect(await code(caller.ballots.cast({ campaignId, demandIds: [d[0]!, d[0]!] }))).toBe("BALLOT_REPEATED");
    expect(await code(caller.ballots.cast({ campaignId, demandIds: d }))).toBe("BALLOT_TOO_LONG");
    expect(await code(caller.ballots.cast({ campaignId, demandIds: ["nope"] }))).toBe("BALLOT_UNKNOWN_DEMAND");
    expect(await code(caller.ballots.cast({ campaignId, demandIds: [other.demandIds[0]!] }))).toBe("BALLOT_UNKNOWN_DEMAND");
    expect(await code(caller.ballots.cast({ campaignId: pending.campaignId, demandIds: pending.demandIds }))).toBe("PHASE_CLOSED");
    expect(await code(caller.ballots.cast({ campaignId, demandIds: [d[0]!], extra: 1 } as never))).toBe("BAD_INPUT");
    await setPhase(other.union.id, other.campaignId, "CLOSED");
    expect(await code(caller.ballots.cast({ campaignId: other.campaignId, demandIds: [other.demandIds[0]!] }))).toBe("CAMPAIGN_CLOSED");
    expect((await loadTallyForAudit(campaignId)).ballots).toHaveLength(0);
    expect((await loadTallyForAudit(other.campaignId)).ballots).toHaveLength(0);
    expect(await code(writerFor(null).ballots.cast({ campaignId, demandIds: [d[0]!] }))).toBe("UNAUTHORIZED");
  });

  it("20 concurrent ballots from one account leave one ballot and a tally equal to a recount", async () => {
    const { campaignId, demandIds: d } = await makeCampaign({ demands: 5, phase: "VOTING" });
    const { account } = await makeProfiledWorker("shanghai");
    const others = await Promise.all([0, 1].map(() => makeProfiledWorker("shanghai")));
    await castBallot(others[0]!.account.accountId, campaignId, [d[4]!, d[3]!]);
    const rankings = Array.from({ length: 20 }, (_, i) => [d[i % 5]!, d[(i + 1) % 5]!, d[(i + 2) % 5]!].slice(0, 1 + (i % 3)));
    const results = await Promise.allSettled([
      ...rankings.map((r) => writerFor(account).ballots.cast({ campaignId, demandIds: r })),
      castBallot(others[1]!.account.accountId, campaignId, [d[0]!]),
    ]);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([]);
    const { ballots, groups } = await loadTallyForAudit(campaignId);
    expect(ballots).toHaveLength(3);
    expect(groups.find((g) => g.dim === "all")!.ballots).toBe(3);
    await expectTallyMatchesRecount(campaignId);
  });

  it("closing during a burst of ballots: every ballot answered with success is counted, none after", async () => {
    const { campaignId, demandIds: d, union } = await makeCampaign({ demands: 3, phase: "VOTING" });
    const voters = await Promise.all(Array.from({ length: 16 }, (_, i) => makeProfiledWorker(i % 2 ? "wuhan" : "beijing")));
    const casts = voters.map((v, i) => castBallot(v.account.accountId, campaignId, [d[i % 3]!]).then(() => "OK", (e: { code?: string }) => e.code));
    const closed = setPhase(union.id, campaignId, "CLOSED");
    const outcomes = await Promise.all(casts);
    await closed;
    expect(outcomes.filter((o) => o !== "OK" && o !== "CAMPAIGN_CLOSED")).toEqual([]);
    const { ballots } = await loadTallyForAudit(campaignId);
    expect(ballots).toHaveLength(outcomes.filter((o) => o === "OK").length);
    await expectTallyMatchesRecount(campaignId);
    expect(await code(castBallot(voters[0]!.account.accountId, campaignId, [d[0]!]))).toBe("CAMPAIGN_CLOSED");
  });

  it("concurrent casts and changes from many accounts keep the tally equal to a recount", async () => {
    const { campaignId, demandIds: d } = await makeCampaign({ demands: 6, phase: "VOTING" });
    const cities = ["wuhan", "beijing", "shanghai"] as const;
    const voters = await Promise.all(Array.from({ length: 8 }, (_, i) => makeProfiledWorker(cities[i % 3]!)));
    const calls = voters.flatMap((v, i) =>
      [0, 1, 2, 3].map((k) => castBallot(v.account.accountId, campaignId, [d[(i + k) % 6]!, d[(i + 2 * k + 1) % 6]!].filter((x, j, a) => a.indexOf(x) === j))),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await loadTallyForAudit(campaignId)).ballots).toHaveLength(8);
    await expectTallyMatchesRecount(campaignId);
  });

  it("publish the tally at close only from 5 ballots, with breakdown groups under 5 hidden", async () => {
    const { union, campaignId, demandIds: d } = await makeCampaign({ demands: 3, phase: "VOTING" });
    const voters = [
      ...(await Promise.all(Array.from({ length: 6 }, () => makeProfiledWorker("wuhan")))),
      ...(await Promise.all(Array.from({ length: 2 }, () => makeProfiledWorker("beijing")))),
    ];
    for (const [i, v] of voters.slice(0, 4).entries()) await castBallot(v.account.accountId, campaignId, [d[i % 2]!]);
    expect(await getCampaignFigures(campaignId)).toMatchObject({ final: false, turnout: { ballots: null } });
    for (const v of voters.slice(4)) await castBallot(v.account.accountId, campaignId, [d[0]!, d[2]!]);
    expect(await getCampaignFigures(campaignId)).toMatchObject({ final: false, turnout: { ballots: 5 } });
    await setPhase(union.id, campaignId, "CLOSED");
    const figures = await getCampaignFigures(campaignId);
    if (!figures.final || !figures.results.enough) throw new Error("expected results");
    const { results } = figures;
    expect(results.ballots).toBe(8);
    // Demand 2 was ranked first by 2 voters: hidden, and since first preferences add up to the
    // published total, the next-smallest count (demand 1's 6) is hidden with it.
    expect(results.rows[0]).toMatchObject({ demandId: d[0], points: 5 * 6, firsts: null, includes: 6 });
    expect(results.rows.find((r) => r.demandId === d[1])).toMatchObject({ points: null, firsts: null, includes: null });
    const city = results.breakdowns.find((b) => b.dim === "city")!;
    // Beijing has 2 ballots: hidden; Wuhan would then be total minus nothing, so it hides too.
    expect(city.groups.map((g) => g.value)).toEqual([]);
    expect(city.hiddenGroups).toBe(2);
  });
});
