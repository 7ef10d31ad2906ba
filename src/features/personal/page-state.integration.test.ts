import { describe, expect, it } from "vitest";
import { callerFor, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { campaignInput, makeCampaign } from "~/test/campaign-factories";
import { castBallot } from "~/features/ballots/mutations";
import { chinaToday, parseDay } from "~/lib/days";
import { createCampaign } from "~/features/campaigns/mutations";
import { db } from "~/server/db";
import { pageState } from "~/features/personal/page-state";
import { publishedPetition } from "~/test/petition-factories";
import { setFollow } from "~/features/notifications/mutations";
import { writerFor } from "~/test/write-client";

describe("the personal state of a cached page (GET /api/me/page)", () => {
  it("is nothing for a visitor without a session", async () => {
    expect(await pageState(null, "/petitions/abc")).toMatchObject({ account: null, unread: null, petition: null });
  });

  it("tells a worker their unread notices and, on a petition page, the day they signed it", async () => {
    const petition = await publishedPetition();
    const { account } = await makeWorker();
    const before = await pageState(account, `/petitions/${petition.id}`);
    expect(before).toMatchObject({ account: { role: "WORKER", pseudonym: account.pseudonym }, unread: 0, petition: { signedOn: null } });

    await writerFor(account).petitions.sign({ petitionId: petition.id });
    const signed = await db.petitionSignature.findMany({ where: { petitionId: petition.id }, select: { signedOn: true } });
    const after = await pageState(account, `/petitions/${petition.id}`);
    expect(after.petition).toEqual({ signedOn: signed[0]!.signedOn.toISOString() });
    expect(new Date(after.petition!.signedOn!).toISOString().slice(0, 10)).toBe(chinaToday().toISOString().slice(0, 10));
    // Another worker's state on the same page is their own.
    expect((await pageState((await makeWorker()).account, `/petitions/${petition.id}`)).petition).toEqual({ signedOn: null });

    const union = await makeUnion();
    const fields = campaignInput();
    const campaign = await createCampaign(union.id, fields, parseDay(fields.proposingFrom)!);
    await db.notification.createMany({ data: [{ accountId: account.accountId, kind: "VOTING_OPEN", campaignId: campaign.id }, { accountId: account.accountId, kind: "RESULTS_FINAL", campaignId: campaign.id, read: true }] });
    const elsewhere = await pageState(account, "/");
    expect(elsewhere).toMatchObject({ account: { role: "WORKER", pseudonym: account.pseudonym }, unread: 1, petition: null });
  });

  it("gives staff who they are, without a bell or a signature", async () => {
    const union = await makeUnion();
    const { account } = await makeStaff("ORGANISER", union.id);
    expect(await pageState(account, "/petitions/abc")).toMatchObject({ account: { role: "ORGANISER", pseudonym: account.pseudonym }, unread: null, petition: null });
  });
});

// The personal part of the shared pages (issue 15): what used to be rendered in place for a
// signed-in worker comes from here, for that worker only, and for nobody else.

describe("page state", () => {
  it("a campaign page: the worker's ballot and follow while voting, their supports and proposals while proposing", async () => {
    const voting = await makeCampaign({ demands: 2, phase: "VOTING" });
    const [w, other] = await Promise.all([makeWorker(), makeWorker()]);
    await castBallot(w.account.accountId, voting.campaignId, [voting.demandIds[1]!]);
    await setFollow(w.account.accountId, voting.campaignId, true);
    const path = `/campaigns/${voting.campaignId}`;
    expect((await pageState(w.account, path)).campaign).toMatchObject({ ballot: [voting.demandIds[1]], following: true, supported: [], verified: true, token: null });
    expect((await pageState(other.account, path)).campaign).toMatchObject({ ballot: null, following: false });
    expect(await pageState(null, path)).toMatchObject({ account: null, unread: null, campaign: null });

    const proposing = await makeCampaign({ demands: 1 });
    const caller = callerFor(w.account);
    await caller.demands.support({ demandId: proposing.demandIds[0]!, support: true });
    const mine = await caller.demands.propose({ campaignId: proposing.campaignId, title: "Paid rest day", text: "Riders should get a paid rest day every week.", category: "welfare_and_leave" });
    const state = (await pageState(w.account, `/campaigns/${proposing.campaignId}`)).campaign!;
    expect(state.supported).toEqual([proposing.demandIds[0]]);
    expect(state.proposals.map((p) => p.id)).toEqual([mine.id]);
    expect((await pageState(other.account, `/campaigns/${proposing.campaignId}`)).campaign).toMatchObject({ supported: [], proposals: [] });
  });

  it("each page has its own part, null on the others; staff get who they are and nothing else", async () => {
    const w = await makeWorker();
    const reports = await pageState(w.account, "/reports");
    expect(reports).toMatchObject({ account: { role: "WORKER" }, reports: { mine: [] }, campaign: null, petitions: null });
    expect((await pageState(w.account, "/petitions")).petitions).toEqual({ mine: [] });
    expect((await pageState(w.account, "/campaigns")).campaigns).toEqual({ matching: expect.any(Array) });
    expect(await pageState(w.account, "/stats")).toMatchObject({ reports: null, petitions: null, campaigns: null, campaign: null, answers: null, petition: null });
    const { organiser } = await makeCampaign();
    expect(await pageState(organiser.account, "/reports")).toMatchObject({ account: { role: "ORGANISER" }, unread: null, reports: null });
  });
});
