import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";
import { writerFor } from "~/test/write-client";
import { pageState } from "~/features/personal/page-state";
import { chinaToday, parseDay } from "~/lib/days";
import { campaignInput } from "~/test/campaign-factories";
import { createCampaign } from "~/features/campaigns/mutations";

describe("the personal state of a cached page (GET /api/me/page)", () => {
  it("is nothing for a visitor without a session", async () => {
    expect(await pageState(null, "/petitions/abc")).toEqual({ account: null, unread: null, petition: null });
  });

  it("tells a worker their unread notices and, on a petition page, the day they signed it", async () => {
    const petition = await publishedPetition();
    const { account } = await makeWorker();
    const before = await pageState(account, `/petitions/${petition.id}`);
    expect(before).toEqual({ account: { role: "WORKER", pseudonym: account.pseudonym }, unread: 0, petition: { signedOn: null } });

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
    expect(elsewhere).toEqual({ account: { role: "WORKER", pseudonym: account.pseudonym }, unread: 1, petition: null });
  });

  it("gives staff who they are, without a bell or a signature", async () => {
    const union = await makeUnion();
    const { account } = await makeStaff("ORGANISER", union.id);
    expect(await pageState(account, "/petitions/abc")).toEqual({ account: { role: "ORGANISER", pseudonym: account.pseudonym }, unread: null, petition: null });
  });
});
