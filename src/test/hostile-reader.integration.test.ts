import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { closePglites, createDriver, openPglites } from "~/server/db/adapter-factory";
import { normaliseInviteCode } from "~/features/verification/codes";
import { shuffleAccountLinkedRows } from "~/features/storage/mutations";
import { addDays, chinaToday } from "~/lib/days";
import { callerFor, makePlatform, makeStaff, makeWorker, moderatingUnionOf } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";
import { makeAnswer, makePublishedSubmission } from "~/test/submission-factories";
import { validReport } from "~/test/report-input";
import { migrationSql } from "~/test/migrations";
import { dumpEverything, isAccountLinked, isActTable, position, type Dump } from "./hostile/dump";
import { joinFindings, PROFILE_COLUMNS, sameTransaction, secretFindings, timeIdFindings, timestampColumns, tokenFindings } from "./hostile/checks";
import { castWithToken, obtainToken } from "./hostile/phone";
import { writerFor } from "~/test/write-client";

// PRIVACY.md P3, tried as a hostile reader who holds a full dump and a copy of the data directory
// but not the server's secrets, after a journey by fresh workers with rare profiles (issue 11).

const started = Date.now();
const secrets = new Map<string, string>();
let before: Dump; // right after the journey, as the rows were written
let after: Dump; // after the scheduler's shuffle of account-linked rows
const journeyAccounts: string[] = [];
let verifiedCampaign: string;

const sha256 = (s: string) => createHash("sha256").update(s).digest();

async function worker(profile: { city: string; platformSlugs: string[]; sectors: ("FOOD_DELIVERY" | "COURIER" | "RIDE_HAILING")[] }) {
  const { key, account } = await makeWorker();
  secrets.set(`account key ${journeyAccounts.length}`, key);
  secrets.set(`session id ${journeyAccounts.length}`, account.sessionId);
  journeyAccounts.push(account.accountId);
  const caller = callerFor(account);
  await caller.accounts.updateProfile(profile as never);
  return { account, caller, writer: writerFor(account) };
}

async function journey() {
  const platforms = await Promise.all([makePlatform(), makePlatform(), makePlatform()]);
  const slugs = platforms.map((p) => p.slug);
  // Two workers nobody else looks like: one city, several platforms, one sector.
  const rare = await worker({ city: "kunming", platformSlugs: slugs, sectors: ["COURIER"] });
  const rarer = await worker({ city: "shenyang", platformSlugs: [slugs[2]!], sectors: ["RIDE_HAILING"] });
  const crowd = [];
  for (let i = 0; i < 6; i++) crowd.push(await worker({ city: "shenzhen", platformSlugs: [slugs[0]!], sectors: ["FOOD_DELIVERY"] }));
  const everyone = [rare, rarer, ...crowd];

  // Reports.
  const month = chinaToday().toISOString().slice(0, 7);
  await rare.writer.reports.submit(validReport({ platformSlug: slugs[1]!, sector: "COURIER", city: "kunming", month, narrative: null }));
  await rarer.writer.reports.submit(validReport({ platformSlug: slugs[2]!, sector: "RIDE_HAILING", city: "shenyang", month, narrative: null }));

  // A campaign: propose, support, follow, vote, change the vote.
  const c = await makeCampaign({ demands: 2, phase: "PROPOSING" });
  const org = callerFor(c.organiser.account);
  const proposed = await rare.caller.demands.propose({ campaignId: c.campaignId, title: "Rest days for couriers", text: "Two paid rest days every month for every courier.", category: "pay_and_deductions" });
  await org.demands.approve({ demandId: proposed.id });
  for (const w of everyone) await w.caller.notifications.follow({ campaignId: c.campaignId, follow: true });
  await rarer.caller.demands.support({ demandId: proposed.id, support: true });
  await rare.caller.demands.support({ demandId: c.demandIds[0]!, support: true });
  await org.campaigns.setPhase({ campaignId: c.campaignId, phase: "VOTING" });
  for (const w of everyone) await w.writer.ballots.cast({ campaignId: c.campaignId, demandIds: [proposed.id, c.demandIds[0]!] });
  await rare.writer.ballots.cast({ campaignId: c.campaignId, demandIds: [c.demandIds[1]!] });

  // Petitions: the rare worker starts two, the crowd sponsors, everyone signs, one comments.
  const union = await moderatingUnionOf(platforms[1]!);
  const moderator = callerFor((await makeStaff("ORGANISER", union)).account);
  const started = [];
  for (const title of ["Pay couriers for waiting time", "Helmets paid by the platform"]) {
    const p = await rare.caller.petitions.start({ title, ask: "Pay couriers for every minute they wait beyond five minutes.", reason: "We wait twenty minutes for parcels and lose income every day.", target: { kind: "PLATFORM", platformId: platforms[1]!.id } });
    secrets.set(`sponsor token ${title}`, p.sponsorToken);
    for (const w of crowd.slice(0, 5)) await w.caller.petitions.sponsor({ petitionId: p.id, token: p.sponsorToken });
    await moderator.petitions.moderate({ petitionId: p.id, decision: "PUBLISH", threshold: 1000 });
    started.push(p.id);
  }
  for (const w of everyone) await w.writer.petitions.sign({ petitionId: started[0]! });
  await rarer.writer.petitions.sign({ petitionId: started[1]!, comment: "The waiting is the worst part of the job." });

  // Verification in person, with a paper code.
  const codes = await org.verification.createCodes({ count: 1, days: 7 });
  const paper = normaliseInviteCode(codes.codes[0]!.code)!;
  secrets.set("invite code", paper);
  await rare.caller.verification.redeem({ code: codes.codes[0]!.code });

  // A verified-only campaign: its union verifies everyone in person, each phone gets its one
  // token over the real routes and votes with it, without a session; the rare worker changes
  // that vote with the phone's secret. The crowd's 6 share a profile, the rare two do not.
  const v = await makeCampaign({ demands: 2, phase: "VOTING", input: { verifiedOnly: true } });
  const vCodes = await callerFor(v.organiser.account).verification.createCodes({ count: everyone.length, days: 7 });
  for (const [i, w] of everyone.entries()) await w.caller.verification.redeem({ code: vCodes.codes[i]!.code });
  const tokens = [];
  for (const [i, w] of everyone.entries()) {
    const { held, blindedMsg } = await obtainToken(w.account, v.campaignId);
    secrets.set(`token ${i}`, held.token);
    secrets.set(`token signature ${i}`, held.signature);
    secrets.set(`token secret ${i}`, held.secret);
    secrets.set(`blinded message ${i}`, blindedMsg);
    tokens.push(held);
  }
  for (const t of tokens) await castWithToken(t, v.campaignId, [v.demandIds[0]!, v.demandIds[1]!]);
  await castWithToken(tokens[0]!, v.campaignId, [v.demandIds[1]!]);
  verifiedCampaign = v.campaignId;

  // A verdict on a commitment whose date passed.
  const s = await makePublishedSubmission({ demands: 1, platforms: 1 });
  const answer = await makeAnswer({ itemId: s.items[0]!.id, partyId: s.platformParties[0]!.id, status: "ACCEPTED", dueOn: addDays(chinaToday(), -1) });
  await rare.caller.verdicts.give({ answerId: answer.id, value: "NO" });
  await rarer.caller.verdicts.give({ answerId: answer.id, value: "YES" });
  return { paper };
}

beforeAll(async () => {
  await journey();
  before = await dumpEverything();
  await shuffleAccountLinkedRows();
  after = await dumpEverything();
}, 240_000);

describe("a hostile reader of a dump", () => {
  it("joins no act to fewer than 5 worker accounts on any column but the profile", () => {
    expect(joinFindings(after).filter((f) => !PROFILE_COLUMNS.has(f.linked))).toEqual([]);
  });

  // Way 1: the profile is sealed on Account.
  it("joins no act to fewer than 5 worker accounts on the profile columns", () => {
    expect(joinFindings(after).filter((f) => PROFILE_COLUMNS.has(f.linked))).toEqual([]);
  });

  it("finds no id that decodes to a time (cuid v1, uuid v1/v6/v7, ulid)", () => {
    expect(timeIdFindings(after, started - 2 * 86_400_000, Date.now() + 86_400_000)).toEqual([]);
  });

  it("finds no column that can hold a time of day beside a worker's account or act", () => {
    expect(timestampColumns(after)).toEqual([]);
  });

  // P6: verified ballots are cast with blind-signed tokens; neither issuance nor ballot names the other.
  it("cannot join a token ballot to its issuance, its account or anything else", () => {
    expect(tokenFindings(after, verifiedCampaign)).toEqual([]);
    expect(tokenFindings(before, verifiedCampaign)).toEqual([]);
    const ballots = after.get("Ballot")!.rows.filter((r) => r.campaignId === verifiedCampaign);
    // One ballot per token, the changed one changed in place; the crowd's profile shown, the rare ones not.
    expect(ballots).toHaveLength(8);
    expect(ballots.filter((b) => b.city === "shenzhen")).toHaveLength(6);
    expect(ballots.filter((b) => b.city === "unknown" && b.platform === "unknown" && b.sector === "unknown")).toHaveLength(2);
  });

  it("finds no account key, session id, sponsor token, paper code, token or phone secret in clear", () => {
    expect(secretFindings(after, secrets)).toEqual([]);
  });

  // Way 5: invite codes keyed with a server secret and deleted on use.
  it("cannot find a used paper code's row by its plain hash", () => {
    const paper = secrets.get("invite code")!;
    // What a reader can compute from the code alone: its plain SHA-256, and the prefixed one the app stored.
    const digests = [sha256(paper), sha256(`wv-invite:${paper}`)];
    const hashes = new Map(digests.flatMap((d, i) => (["hex", "base64", "base64url"] as const).map((enc) => [`hash ${i} ${enc}`, d.toString(enc)] as [string, string])));
    expect(secretFindings(after, hashes)).toEqual([]);
  });

  // Way 7: petition ownership per petition.
  it("cannot tell that two petitions were started by one worker", () => {
    const keys = after.get("Petition")!.rows.map((r) => String(r.ownerKey));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("a hostile reader of the data directory", () => {
  it("finds no act written in one transaction with an account-linked row", () => {
    expect(sameTransaction(before)).toEqual([]);
  });

  it("after the scheduled shuffle, account-linked rows share one transaction id, later than every act", () => {
    // The journey's rows only: with PostgreSQL, other test files write beside this one.
    const mine = [...after.values()].filter(isAccountLinked).flatMap((t) => t.rows.filter((r) => journeyAccounts.includes(String(r[t.accountColumn!]))));
    const xmins = new Set(mine.map((r) => r.__xmin));
    expect(xmins.size).toBe(1);
    const [xmin] = xmins;
    const actXmins = [...before.values()].filter(isActTable).flatMap((t) => t.rows.map((r) => Number(r.__xmin)));
    expect(actXmins.length).toBeGreaterThan(0);
    expect(actXmins.filter((x) => x >= Number(xmin))).toEqual([]);
    // Token issuance rows too: their order would be the order in which workers got their tokens.
    const issued = after.get("TokenIssue")!.rows.filter((r) => r.campaignId === verifiedCampaign);
    expect(issued).toHaveLength(8);
    expect(new Set(issued.map((r) => r.__xmin))).toEqual(xmins);
  });

  it("after the shuffle, the accounts' physical order is not the order they were made in", () => {
    const rows = after.get("Account")!.rows.filter((r) => journeyAccounts.includes(String(r.id)));
    const byPosition = [...rows].sort((a, b) => { const [pa, pb] = [position(a), position(b)]; return pa[0] - pb[0] || pa[1] - pb[1]; });
    // 8 accounts: a random order equals the creation order once in 40,320 shuffles.
    expect(byPosition.map((r) => String(r.id))).not.toEqual(journeyAccounts);
    expect(rows).toHaveLength(journeyAccounts.length);
  });

  it("the embedded database's files and directories are readable by their owner only", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "wv-hostile-"));
    createDriver(undefined, { dataDir });
    const pglite = [...openPglites].at(-1)!;
    for (const sql of migrationSql()) await pglite.exec(sql);
    await pglite.exec(`INSERT INTO "Union" ("id", "slug", "nameZh", "nameEn") VALUES ('u1', 'u-files', '工会', 'Union')`);
    await closePglites();
    const open: string[] = [];
    const walk = (p: string) => {
      const st = statSync(p);
      if ((st.mode & 0o077) !== 0) open.push(`${path.relative(dataDir, p)} ${(st.mode & 0o777).toString(8)}`);
      if (st.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    };
    walk(dataDir);
    expect(open).toEqual([]);
  });
});
