import { describe, expect, it } from "vitest";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import { POST as castBallot } from "~/app/api/ballots/route";
import { isWellFormedInput } from "~/lib/well-formed";
import { makeCampaign, campaignInput } from "~/test/campaign-factories";
import { callerFor, makeWorker } from "~/test/factories";
import { callApi } from "~/test/api-client";
import { appCodeOf, cookieFor, postRaw } from "~/test/fuzz/http";
import { deep } from "~/test/fuzz/hostile";
import { refusalCode } from "~/test/fuzz/outcome";

// Regressions for what the fuzzer found (issue 14): each of these was a 500.
const codeOf = (p: Promise<unknown>) => p.then(() => "OK", refusalCode);

describe("inputs that are not text", () => {
  it("are refused as BAD_INPUT: lone surrogates and NULs, in values and keys, however deep", () => {
    expect(isWellFormedInput({ a: ["ok", "👩‍👩‍👧"] })).toBe(true);
    expect(isWellFormedInput({ a: ["\ud800"] })).toBe(false);
    expect(isWellFormedInput({ a: "x\u0000y" })).toBe(false);
    expect(isWellFormedInput({ "\udfff": 1 })).toBe(false);
    expect(isWellFormedInput(deep(100_000))).toBe(true);
  });

  it("stop tRPC procedures, write routes and the tRPC transport before the database", async () => {
    const worker = (await makeWorker()).account;
    const campaign = await makeCampaign({ demands: 1, phase: "VOTING" });
    expect(await codeOf(callerFor(worker).campaigns.get({ campaignId: "\ud800" }))).toBe("BAD_INPUT");
    expect(await codeOf(callerFor(worker).reports.remove({ id: "a\u0000b" }))).toBe("BAD_INPUT");
    expect(await codeOf(callerFor(null).stats.conditions({ slug: "x\u0000" }))).toBe("BAD_INPUT");
    const body = JSON.stringify({ campaignId: campaign.campaignId, demandIds: ["\ud800"] });
    expect(await postRaw(castBallot, "/api/ballots", body, await cookieFor(worker))).toMatchObject({ status: 400 });
    const viaHttp = await postRaw(trpcPost, "/api/trpc/demands.support", JSON.stringify({ json: { demandId: "\u0000", support: true } }), await cookieFor(worker));
    expect([viaHttp.status, appCodeOf(viaHttp.json)]).toEqual([400, "BAD_INPUT"]);
  });
});

describe("a query posted to the tRPC route", () => {
  it("is the caller's mistake (BAD_INPUT, 405), not an internal error", async () => {
    const res = await postRaw(trpcPost, "/api/trpc/stats.overview", "{}", "");
    expect([res.status, appCodeOf(res.json)]).toEqual([405, "BAD_INPUT"]);
  });
});

describe("campaign days", () => {
  it("must exist on the calendar", async () => {
    const campaign = await makeCampaign();
    const organiser = callerFor(campaign.organiser.account);
    const input = campaignInput({ proposingFrom: "2026-13-45", votingFrom: "2026-14-01", closesOn: "2026-15-01" });
    expect(await codeOf(organiser.campaigns.update({ campaignId: campaign.campaignId, campaign: input }))).toBe("BAD_INPUT");
    expect(await codeOf(organiser.campaigns.create(campaignInput({ closesOn: "2027-02-30" })))).toBe("BAD_INPUT");
  });
});

describe("open data cursors", () => {
  it("that decode to something we never gave out are a 400", async () => {
    for (const id of ["\ud800", "a\u0000b", "x".repeat(65), "a b"]) {
      const cursor = Buffer.from(JSON.stringify(["2026-01-01", id])).toString("base64url");
      for (const list of ["submissions", "campaigns", "petitions"]) {
        const res = await callApi(`/api/v1/${list}?cursor=${cursor}`);
        expect(res.status, `${list} ${JSON.stringify(id)}`).toBe(400);
      }
    }
  });
});
