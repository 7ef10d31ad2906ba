import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { castBallot } from "~/features/ballots/mutations";
import { proposeDemand } from "~/features/demands/mutations";
import { signPetition } from "~/features/petitions/signatures/mutations";
import { makeCampaign, makeProfiledWorker } from "~/test/campaign-factories";
import { makeStaff, makeWorker } from "~/test/factories";
import { callApi, type Loose } from "~/test/api-client";
import { addVerdicts, answer, makePlatformRow, makeSubmission, type MadeSubmission, type Named } from "~/test/opendata-factories";
import { publishedPetition } from "~/test/petition-factories";

// What an API client gets: shapes, paging, the document byte for byte, and the privacy rules
// applied the same way as on the pages.

let platform: Named;
let sub: MadeSubmission;
let draft: MadeSubmission;
let authorId: string;

beforeAll(async () => {
  platform = await makePlatformRow(db);
  authorId = (await makeStaff("PLATFORM_REP", platform.id)).account.accountId;
  sub = await makeSubmission(db, { platforms: [platform], targetsUnion: true, items: 2, versions: 2, publishedOn: "2026-03-02" });
  draft = await makeSubmission(db, { platforms: [platform], draft: true, items: 1 });
  const p = sub.parties[platform.id]!;
  const accepted = await answer(db, { itemId: sub.items[0]!.id, partyId: p, status: "ACCEPTED", dueOn: "2026-05-01", answeredOn: "2026-03-10", authorId });
  await addVerdicts(db, accepted, { YES: 5, NO: 1 });
  await answer(db, { itemId: sub.items[1]!.id, partyId: p, status: "NEGOTIATING", answeredOn: "2026-03-10", authorId });
  await answer(db, { itemId: sub.items[1]!.id, partyId: p, status: "REJECTED", answeredOn: "2026-03-20", authorId, text: "We cannot do this." });
  await answer(db, { itemId: sub.items[0]!.id, partyId: sub.parties.union!, status: "ACCEPTED", dueOn: "2026-04-01", answeredOn: "2026-03-05" });
});

const get = async (url: string) => {
  const res = await callApi(url);
  return { ...res, body: res.text ? (res.json() as Loose) : null };
};

describe("GET /api/v1/submissions", () => {
  it("pages through every published submission once, and never a draft", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/submissions?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body!.data.map((s: { id: string }) => s.id));
      cursor = res.body!.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(sub.submissionId);
    expect(seen).not.toContain(draft.submissionId);
  });

  it("gives each submission's versions, latest digest, clock and parties' status", async () => {
    let cursor: string | null = null;
    let found: Loose;
    while (!found) {
      const res = await get(`/api/v1/submissions?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      found = res.body!.data.find((s: { id: string }) => s.id === sub.submissionId);
      cursor = res.body!.nextCursor;
      if (!cursor) break;
    }
    expect(found).toMatchObject({
      firstPublishedOn: "2026-03-02",
      respondBy: "2026-04-01",
      version: 2,
      digest: sub.versions[1]!.digest,
      union: { slug: sub.union.slug },
      links: { page: `/submissions/${sub.submissionId}`, answers: `/submissions/${sub.submissionId}/answers` },
    });
    expect(found!.versions.map((v: { digest: string }) => v.digest)).toEqual(sub.versions.map((v) => v.digest));
    expect(found!.parties).toEqual([
      expect.objectContaining({ kind: "PLATFORM", platform: { slug: platform.slug, nameZh: platform.nameZh, nameEn: platform.nameEn }, status: "COMPLETE", firstAnsweredOn: "2026-03-10" }),
      expect.objectContaining({ kind: "UNION", union: expect.objectContaining({ slug: sub.union.slug }), firstAnsweredOn: "2026-03-05", completedOn: null }),
    ]);
  });

  it("answers a bad query with 400 and says which parameter", async () => {
    for (const [query, path] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["limit=101", "limit"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["page=2", ""],
    ] as const) {
      const res = await get(`/api/v1/submissions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body!.error.code).toBe("BAD_INPUT");
      if (path) expect(res.body!.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("GET /api/v1/submissions/{id}", () => {
  it("shows each item's current answer and history per party, with verdicts through publishVerdicts", async () => {
    const res = await get(`/api/v1/submissions/${sub.submissionId}`);
    expect(res.status).toBe(200);
    const [first, second] = res.body!.items;
    expect(first.answers[0]).toMatchObject({
      party: { kind: "PLATFORM", slug: platform.slug },
      current: { status: "ACCEPTED", dueOn: "2026-05-01", verdicts: { shown: true, total: 5, counts: { YES: 5, PARTLY: null, NO: null }, outcome: "DONE" } },
    });
    expect(first.answers[1]).toMatchObject({ party: { kind: "UNION", slug: sub.union.slug }, current: { status: "ACCEPTED", verdicts: { shown: false } } });
    expect(second.answers[0].history.map((a: { status: string }) => a.status)).toEqual(["NEGOTIATING", "REJECTED"]);
    expect(second.answers[0].current).toMatchObject({ status: "REJECTED", text: "We cannot do this." });
    expect(second.answers[1]).toEqual({ party: { kind: "UNION", slug: sub.union.slug }, current: null, history: [] });
    expect(res.text).not.toContain(authorId);
  });

  it("is 404 for a draft, an unknown id or a malformed one", async () => {
    for (const id of [draft.submissionId, "nope", "x".repeat(80), "a%20b"]) {
      const res = await get(`/api/v1/submissions/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });
});

describe("GET /api/v1/submissions/{id}/versions/{version}", () => {
  it("serves the stored canonical text byte for byte with its digest in a header", async () => {
    for (const v of sub.versions) {
      const res = await callApi(`/api/v1/submissions/${sub.submissionId}/versions/${v.version}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(v.document);
      expect(res.headers.get("x-submission-digest")).toBe(v.digest);
      expect(createHash("sha256").update(res.text, "utf8").digest("hex")).toBe(v.digest);
      expect(res.headers.get("repr-digest")).toBe(`sha-256=:${createHash("sha256").update(res.text, "utf8").digest("base64")}:`);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
  });

  it("is 404 for a version not published or a draft, 400 for a version that is not a number", async () => {
    expect((await callApi(`/api/v1/submissions/${sub.submissionId}/versions/3`)).status).toBe(404);
    expect((await callApi(`/api/v1/submissions/${draft.submissionId}/versions/1`)).status).toBe(404);
    expect((await callApi(`/api/v1/submissions/${sub.submissionId}/versions/0`)).status).toBe(400);
    expect((await callApi(`/api/v1/submissions/${sub.submissionId}/versions/latest`)).status).toBe(400);
  });
});

describe("campaigns", () => {
  it("shows approved demands only; during voting the turnout in steps of 5, the tally only once closed, k=5 applied", async () => {
    const voting = await makeCampaign({ demands: 2, phase: "VOTING" });
    const few = await makeCampaign({ demands: 2, phase: "PROPOSING" });
    const worker = await makeWorker();
    await proposeDemand(worker.account.accountId, few.campaignId, { title: "Proposal not reviewed yet", text: "Pending demands stay with the organisers.", category: "other" });
    const { setPhase } = await import("~/features/campaigns/mutations");
    await setPhase(few.union.id, few.campaignId, "VOTING");
    for (let i = 0; i < 3; i++) await castBallot((await makeProfiledWorker("beijing")).account.accountId, few.campaignId, [few.demandIds[0]!]);
    for (let i = 0; i < 7; i++) await castBallot((await makeProfiledWorker("beijing")).account.accountId, voting.campaignId, [voting.demandIds[i % 2]!]);

    const a = await get(`/api/v1/campaigns/${voting.campaignId}`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ phase: "VOTING", results: null, turnout: { ballotsAtLeast: 5, verifiedAtLeast: null, step: 5 }, submissionId: null });
    expect(a.body!.demands.map((d: { id: string }) => d.id)).toEqual(voting.demandIds);

    const b = await get(`/api/v1/campaigns/${few.campaignId}`);
    expect(b.body).toMatchObject({ results: null, turnout: { ballotsAtLeast: null } });
    expect(b.body!.demands.map((d: { title: string }) => d.title)).not.toContain("Proposal not reviewed yet");
    await setPhase(few.union.id, few.campaignId, "CLOSED");
    expect((await get(`/api/v1/campaigns/${few.campaignId}`)).body).toMatchObject({ turnout: null, results: { enough: false, ballots: null } });
    await setPhase(voting.union.id, voting.campaignId, "CLOSED");
    expect((await get(`/api/v1/campaigns/${voting.campaignId}`)).body).toMatchObject({ turnout: null, results: { enough: true, ballots: 7 } });
    expect((await get("/api/v1/campaigns/no-such-campaign")).status).toBe(404);
  });
});

describe("petitions", () => {
  it("lists published petitions with counts hidden below 5, and 404s the unpublished", async () => {
    const { id } = await publishedPetition();
    for (let i = 0; i < 3; i++) await signPetition((await makeProfiledWorker("shanghai")).account.accountId, id);
    const res = await get(`/api/v1/petitions/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, phase: "OPEN", signatures: null, breakdowns: { city: [], platform: [], sector: [] } });
    for (let i = 0; i < 3; i++) await signPetition((await makeProfiledWorker("shanghai")).account.accountId, id);
    // The total is live and exact; the breakdown is the last release, in steps of 5.
    expect((await get(`/api/v1/petitions/${id}`)).body).toMatchObject({ signatures: 6, breakdowns: { city: [{ value: "shanghai", count: 5 }] } });

    const starter = await makeWorker();
    const { startPetition } = await import("~/features/petitions/mutations");
    const unpublished = await startPetition(starter.account.accountId, { title: "Not public yet at all", ask: "Something precise to ask.", reason: "A reason long enough.", target: { kind: "OTHER", name: "Bureau" }, durationDays: 90 });
    expect((await get(`/api/v1/petitions/${unpublished.id}`)).status).toBe(404);
  });
});

describe("platforms", () => {
  it("gives the record of part 1 with links to each submission and its answers", async () => {
    const res = await get(`/api/v1/platforms/${platform.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      platform: { slug: platform.slug },
      responses: { addressed: 1, answered: 1, answeredOnTime: 1, responseRate: 1, medianDaysToFirstAnswer: 8 },
      commitments: { total: 1, judged: 1, confirmedDone: 1, confirmedShare: 1 },
      submissions: [{ id: sub.submissionId, status: "COMPLETE", links: { answers: `/submissions/${sub.submissionId}/answers` } }],
    });
    expect(res.body!.platform).not.toHaveProperty("id");
    const list = await get("/api/v1/platforms");
    expect(list.body!.data.find((r: { platform: { slug: string } }) => r.platform.slug === platform.slug)).toMatchObject({ responses: res.body!.responses });
    expect((await get("/api/v1/platforms/NOT_A_SLUG")).status).toBe(404);
    // Its submissions are paged like every list here (no fixed cap): one page, then none.
    expect(res.body!.nextCursor).toBeNull();
    expect((await get(`/api/v1/platforms/${platform.slug}?limit=1`)).body).toMatchObject({ submissions: [{ id: sub.submissionId }], nextCursor: null });
    expect((await get(`/api/v1/platforms/${platform.slug}?cursor=bogus`)).status).toBe(400);
  });

  it("answers with open CORS, a short public cache and a CSP that renders nothing", async () => {
    const res = await callApi("/api/v1/platforms");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
