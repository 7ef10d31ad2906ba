import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { castBallot } from "~/features/ballots/mutations";
import { setPhase } from "~/features/campaigns/mutations";
import { proposeDemand, rejectDemand, setSupport } from "~/features/demands/mutations";
import { startPetition } from "~/features/petitions/mutations";
import { sponsorToken } from "~/features/petitions/policy";
import { signPetition } from "~/features/petitions/signatures/mutations";
import { callApi, type Loose } from "~/test/api-client";
import { makeCampaign, makeProfiledWorker } from "~/test/campaign-factories";
import { callerFor, makeStaff, makeWorker } from "~/test/factories";
import { addVerdicts, answer, makePlatformRow, makeSubmission, type MadeSubmission } from "~/test/opendata-factories";
import { publishedPetition, sponsoredPetition } from "~/test/petition-factories";
import { submitReport } from "~/features/reports/mutations";
import { validReport } from "~/test/report-input";

// PRIVACY.md P3, P4, P7 for the open data: walk every endpoint, following every /api/v1 link
// and every page, over a database holding drafts, pending and rejected things, and groups
// under k; no draft text, no id of an account, no nullifier, no author, and no count of 1 to 4
// workers may appear in anything served.

// Letters only, and none of q, v, w, x: "qq…", "wx…" or "vx…" read as a contact handle to the PII
// scanner, which would refuse the text (about 1 token in 75 with the whole alphabet).
const TOKEN_LETTERS = "abcdefghijklmnoprstuyz";
const tok = (label: string) => `${label}-${Array.from({ length: 10 }, () => TOKEN_LETTERS[randomInt(TOKEN_LETTERS.length)]).join("")}`;
const secretText: string[] = [];
let published: MadeSubmission;
let draft: MadeSubmission;
const mustNotFind: string[] = [];
let smallPetitionId: string;
let smallCampaignId: string;
let fewVerdictsAnswer: string;
let waitingPetitionId: string;
let platformSlug: string;

beforeAll(async () => {
  const platform = await makePlatformRow(db);
  platformSlug = platform.slug;
  const rep = (await makeStaff("PLATFORM_REP", platform.id)).account;

  // Submissions: one published with a correction being drafted, one never published.
  const [nextCover, nextLog, draftCover, draftLog] = [tok("NEXT-DRAFT-COVER"), tok("NEXT-DRAFT-LOG"), tok("DRAFT-COVER"), tok("DRAFT-LOG")];
  secretText.push(nextCover, nextLog, draftCover, draftLog);
  published = await makeSubmission(db, { platforms: [platform], targetsUnion: true, items: 2, draftCoverLetter: nextCover, draftChangelog: nextLog });
  draft = await makeSubmission(db, { platforms: [platform], draft: true, draftCoverLetter: draftCover, draftChangelog: draftLog });
  fewVerdictsAnswer = await answer(db, { itemId: published.items[0]!.id, partyId: published.parties[platform.id]!, status: "ACCEPTED", dueOn: "2026-02-01", answeredOn: "2026-01-06", authorId: rep.accountId });
  await addVerdicts(db, fewVerdictsAnswer, { YES: 4 });
  const judged = await answer(db, { itemId: published.items[1]!.id, partyId: published.parties[platform.id]!, status: "PARTLY_ACCEPTED", dueOn: "2026-02-01", answeredOn: "2026-01-07", authorId: rep.accountId });
  await addVerdicts(db, judged, { YES: 8, NO: 5, PARTLY: 1 });
  const hidden = await answer(db, { itemId: draft.items[0]!.id, partyId: draft.parties[platform.id]!, status: "ACCEPTED", dueOn: "2026-02-01", answeredOn: "2026-01-06", authorId: rep.accountId });
  await addVerdicts(db, hidden, { YES: 6 });
  mustNotFind.push(draft.submissionId, ...draft.items.map((i) => i.id), hidden);

  // A campaign in voting with 3 ballots (under k), a pending proposal and a rejected one.
  const small = await makeCampaign({ demands: 2, phase: "PROPOSING" });
  smallCampaignId = small.campaignId;
  const proposer = await makeProfiledWorker("beijing");
  const [pendingTitle, rejectedTitle, reason] = [tok("PENDING-PROPOSAL"), tok("REJECTED-PROPOSAL"), tok("REJECT-REASON")];
  secretText.push(pendingTitle, rejectedTitle, reason);
  const pending = await proposeDemand(proposer.account.accountId, small.campaignId, { title: pendingTitle, text: "A proposal still waiting for review.", category: "other" });
  const rejected = await proposeDemand(proposer.account.accountId, small.campaignId, { title: rejectedTitle, text: "A proposal the union turned down.", category: "other" });
  await rejectDemand(small.union.id, rejected.id, reason);
  await setSupport(proposer.account.accountId, small.demandIds[0]!, true);
  mustNotFind.push(pending.id, rejected.id);
  await setPhase(small.union.id, small.campaignId, "VOTING");
  for (let i = 0; i < 3; i++) await castBallot((await makeProfiledWorker("beijing")).account.accountId, small.campaignId, [small.demandIds[0]!]);

  // A closed campaign whose city breakdown has a group of 2 next to one of 6.
  const closed = await makeCampaign({ demands: 3, phase: "VOTING" });
  for (const [i, city] of (["beijing", "beijing", "beijing", "beijing", "beijing", "beijing", "shanghai", "shanghai"] as const).entries()) {
    await castBallot((await makeProfiledWorker(city)).account.accountId, closed.campaignId, [closed.demandIds[i % 3]!]);
  }
  await setPhase(closed.union.id, closed.campaignId, "CLOSED");

  // Petitions: published with 3 signers (one with a comment awaiting moderation), published
  // with 7 signers over two cities, one waiting for moderation, one rejected, one gathering sponsors.
  const few = await publishedPetition({ platformId: platform.id });
  smallPetitionId = few.id;
  const comment = tok("PENDING-COMMENT");
  secretText.push(comment);
  for (let i = 0; i < 3; i++) await signPetition((await makeProfiledWorker("shanghai")).account.accountId, few.id, i === 0 ? comment : undefined);
  const many = await publishedPetition({ platformId: platform.id, threshold: 5 });
  for (const city of ["beijing", "beijing", "beijing", "beijing", "beijing", "beijing", "chengdu"] as const) await signPetition((await makeProfiledWorker(city)).account.accountId, many.id);

  const pendingText = { title: tok("PENDING-PETITION"), ask: tok("PENDING-ASK"), reason: tok("PENDING-REASON") };
  const waiting = await sponsoredPetition(pendingText, platform.id);
  waitingPetitionId = waiting.id;
  const rejectedText = { title: tok("REJECTED-PETITION"), ask: tok("REJECTED-ASK"), reason: tok("REJECTED-REASON") };
  const refused = await sponsoredPetition(rejectedText, platform.id);
  const why = tok("REJECTION-WHY");
  await callerFor(refused.organiser).petitions.moderate({ petitionId: refused.id, decision: "REJECT", reason: why });
  const starter = await makeWorker();
  const gatheringTitle = tok("GATHERING-PETITION");
  const gathering = await startPetition(starter.account.accountId, { title: gatheringTitle, ask: "An ask that is long enough.", reason: "A reason that is long enough.", target: { kind: "OTHER", name: "Bureau" }, durationDays: 90 });
  secretText.push(...Object.values(pendingText), ...Object.values(rejectedText), why, gatheringTitle);

  // Reports in a sealed quarter for the scorecard: a cell of 7 beside a cell of 3 (never shown).
  for (const city of ["beijing", "beijing", "beijing", "beijing", "beijing", "beijing", "beijing", "xian", "xian", "xian"] as const) {
    await submitReport({ accountId: `acct-${randomInt(1e9)}`, input: validReport({ platformSlug: platform.slug, month: "2026-08", city }), today: new Date("2026-08-20T00:00:00Z") });
  }
  mustNotFind.push(waiting.id, refused.id, gathering.id, sponsorToken(waiting.id), sponsorToken(refused.id), sponsorToken(gathering.id));
}, 240_000);

/** Everything in the database that identifies an account or a person's act, whoever wrote it. */
async function identifyingValues() {
  const [accounts, sessions, ballots, signatures, sponsors, verdicts, supports, demands, petitions, answers, reports] = await Promise.all([
    db.account.findMany({ select: { id: true, pseudonym: true, keyLookup: true, username: true } }),
    db.session.findMany({ select: { idHash: true } }),
    db.ballot.findMany({ select: { nullifier: true } }),
    db.petitionSignature.findMany({ select: { nullifier: true } }),
    db.petitionSponsor.findMany({ select: { nullifier: true } }),
    db.itemVerdict.findMany({ select: { nullifier: true } }),
    db.demandSupport.findMany({ select: { supporter: true } }),
    db.demand.findMany({ where: { proposer: { not: null } }, select: { proposer: true } }),
    db.petition.findMany({ select: { ownerKey: true, moderatedById: true } }),
    db.answer.findMany({ where: { authorId: { not: null } }, select: { authorId: true } }),
    db.report.findMany({ select: { id: true, nullifier: true, verifiedTag: true } }),
  ]);
  return [
    ...accounts.flatMap((a) => [a.id, a.pseudonym, a.keyLookup, a.username]),
    ...sessions.map((s) => s.idHash),
    ...[...ballots, ...signatures, ...sponsors, ...verdicts].map((r) => r.nullifier),
    ...supports.map((s) => s.supporter),
    ...demands.map((d) => d.proposer),
    ...petitions.flatMap((p) => [p.ownerKey, p.moderatedById]),
    ...answers.map((a) => a.authorId),
    ...reports.flatMap((r) => [r.id, r.nullifier, r.verifiedTag]),
  ].filter((v): v is string => typeof v === "string" && v.length >= 8);
}

/** Breadth-first over every /api/v1 link found in any answer, and every page of every list. */
async function walk() {
  const bodies = new Map<string, { status: number; text: string }>();
  const queue = ["/api/v1/openapi.json", "/api/v1/submissions?limit=100", "/api/v1/campaigns?limit=100", "/api/v1/petitions?limit=100", "/api/v1/platforms", "/api/v1/scorecards"];
  queue.push(`/api/v1/submissions/${draft.submissionId}`, `/api/v1/submissions/${draft.submissionId}/versions/1`, `/api/v1/petitions/${waitingPetitionId}`);
  while (queue.length) {
    const url = queue.shift()!;
    if (bodies.has(url)) continue;
    const res = await callApi(url);
    bodies.set(url, { status: res.status, text: res.text });
    if (!res.headers.get("content-type")?.includes("json") || url.includes("/versions/")) continue;
    for (const link of res.text.match(/"\/api\/v1\/[^"?]+"/g) ?? []) queue.push(JSON.parse(link) as string);
    const next = (res.json() as Loose)?.nextCursor as string | null | undefined;
    if (next) queue.push(`${url.split("?")[0]}?limit=100&cursor=${next}`);
  }
  return bodies;
}

/** Counts of workers in any answer: none between 1 and 4. */
function checkK(value: Loose, where: string, problems: string[]) {
  const small = (n: unknown) => typeof n === "number" && n > 0 && n < 5;
  const visit = (v: Loose, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (!v || typeof v !== "object") return;
    if (v.shown === true && v.counts) for (const k of ["total", ...Object.keys(v.counts)]) if (small(k === "total" ? v.total : v.counts[k])) problems.push(`${where} ${path}.${k}`);
    if ("enough" in v && (small(v.ballots) || (v.enough && v.ballots < 5))) problems.push(`${where} ${path}.ballots`);
    if ("demandId" in v) for (const k of ["firsts", "includes"]) if (small(v[k])) problems.push(`${where} ${path}.${k}`);
    if ("value" in v && ("ballots" in v || "count" in v) && (small(v.ballots) || small(v.count))) problems.push(`${where} ${path} group`);
    if ("signatures" in v && small(v.signatures)) problems.push(`${where} ${path}.signatures`);
    // Scorecards: reports behind a score, and the verified part as share x reports (either side).
    if ("card" in v && "reports" in v) {
      if (small(v.reports)) problems.push(`${where} ${path}.reports`);
      if (typeof v.verifiedShare === "number" && (small(Math.round(v.verifiedShare * v.reports)) || small(v.reports - Math.round(v.verifiedShare * v.reports)))) problems.push(`${where} ${path}.verifiedShare`);
    }
    for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
  };
  visit(value, "");
}

describe("the open-data API over drafts and small groups", () => {
  it("serves no draft, unpublished or identifying value and nothing about fewer than 5 workers on any endpoint", async () => {
    const bodies = await walk();
    const secrets = [...(await identifyingValues()), ...secretText, ...mustNotFind];
    const leaks: string[] = [];
    const problems: string[] = [];
    for (const [url, { status, text }] of bodies) {
      for (const s of secrets) if (text.includes(s)) leaks.push(`${url} contains ${s}`);
      if (status === 200 && !url.includes("/versions/") && !url.endsWith("openapi.json")) checkK(JSON.parse(text), url, problems);
    }
    expect(leaks).toEqual([]);
    expect(problems).toEqual([]);
    // The walk really went everywhere: every kind of endpoint answered, drafts and unpublished were refused.
    for (const kind of ["/submissions/", "/versions/", "/campaigns/", "/petitions/", "/platforms/", "/scorecards/"]) {
      expect([...bodies].some(([url, b]) => url.includes(kind) && b.status === 200), kind).toBe(true);
    }
    expect(bodies.get(`/api/v1/submissions/${published.submissionId}`)?.status).toBe(200);
    expect(bodies.get(`/api/v1/submissions/${draft.submissionId}`)?.status).toBe(404);
    expect(bodies.get(`/api/v1/submissions/${draft.submissionId}/versions/1`)?.status).toBe(404);
    expect(bodies.get(`/api/v1/petitions/${waitingPetitionId}`)?.status).toBe(404);
    expect(secrets.length).toBeGreaterThan(60);
  }, 240_000);

  it("shows the small groups as hidden rather than leaving them out unmarked", async () => {
    const sub = (await callApi(`/api/v1/submissions/${published.submissionId}`)).json() as Loose;
    expect(sub.items[0].answers[0].current.verdicts).toEqual({ shown: false });
    // Released in steps of 5 (YES 8, NO 5, PARTLY 1 given): 1 to 4 never appear, nor 0.
    expect(sub.items[1].answers[0].current.verdicts).toEqual({ shown: true, total: 10, counts: { YES: 5, PARTLY: null, NO: 5 }, outcome: "MIXED" });
    expect(((await callApi(`/api/v1/petitions/${smallPetitionId}`)).json() as Loose).signatures).toBeNull();
    // The scorecard counts the sealed cell of 7 and leaves the cell of 3 out, also of the total.
    const card = (await callApi(`/api/v1/scorecards/${platformSlug}`)).json() as Loose;
    expect(card.overall.reports).toBe(7);
    expect(card.scopes.map((s: Loose) => [s.city, s.reports])).toEqual([["beijing", 7]]);
    // 3 ballots while voting: no tally, and the turnout is "fewer than 5", not 3.
    expect((await callApi(`/api/v1/campaigns/${smallCampaignId}`)).json()).toMatchObject({ results: null, turnout: { ballotsAtLeast: null, verifiedAtLeast: null, step: 5 } });
  });
});
