import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { castBallot } from "~/features/ballots/mutations";
import { getMyBallot } from "~/features/ballots/data";
import { getSessionAccount } from "~/features/accounts/data";
import { openSession } from "~/features/accounts/mutations";
import { rekeyLegacyAccounts } from "~/features/storage/mutations";
import { nullifier } from "~/server/nullifier";
import { makeCampaign } from "~/test/campaign-factories";
import { embeddedTime } from "~/test/hostile/checks";

// Issue 11, way 2, on a database that already holds cuid v1 ids: the migration gives them random
// ids with their references, except those a published digest, a link or a nullifier covers, and
// re-keyed accounts keep their votes.

const MIGRATION = "20261202190000_random_ids";
const dir = path.resolve(import.meta.dirname, "..", "..", "..", "prisma", "migrations");
const migrations = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const sqlOf = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");

let counter = 0;
// Made months ago, as legacy rows were (and outside the window the hostile-reader test scans,
// which shares the PostgreSQL database with this file).
const MADE = Date.parse("2026-06-01T10:00:00Z");
/** A cuid v1 as Prisma's cuid() made them: c, milliseconds, counter, fingerprint, random (base 36). */
function cuid() {
  const pad = (s: string, n: number) => s.padStart(n, "0").slice(-n);
  return `c${pad((MADE + counter).toString(36), 8)}${pad((counter++).toString(36), 4)}g97d${pad(Math.random().toString(36).slice(2), 8)}`;
}

async function legacyDatabase() {
  const pg = new PGlite();
  for (const name of migrations.filter((n) => n < MIGRATION)) await pg.exec(sqlOf(name));
  const ids = { platform: cuid(), union: cuid(), worker: cuid(), campaign: cuid(), published: cuid(), open: cuid(), draft: cuid(), kept: cuid(), moved: cuid(), submission: cuid(), draftSubmission: cuid(), item: cuid(), party: cuid(), answer: cuid(), ballot: cuid(), notice: cuid() };
  const i = ids;
  await pg.exec(`
    INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector) VALUES ('${i.platform}', 'flash', '闪', 'Flash', 'FOOD_DELIVERY');
    INSERT INTO "Union" (id, slug, "nameZh", "nameEn") VALUES ('${i.union}', 'u', '工会', 'Union');
    INSERT INTO "Account" (id, role, pseudonym, "secretHash", "suspendedAt") VALUES ('${i.worker}', 'WORKER', 'Rider-1', 'h', now());
    INSERT INTO "Session" ("idHash", "accountId", "expiresOn") VALUES ('s1', '${i.worker}', wv_today());
    INSERT INTO "Verification" ("accountId", "unionId") VALUES ('${i.worker}', '${i.union}');
    INSERT INTO "Campaign" (id, "unionId", title, description, "proposingFrom", "votingFrom", "closesOn") VALUES
      ('${i.campaign}', '${i.union}', 'Published', 'd', '2026-01-01', '2026-02-01', '2026-03-01'),
      ('${i.open}', '${i.union}', 'Open', 'd', '2026-11-01', '2026-12-01', '2026-12-20');
    INSERT INTO "CampaignFollow" ("campaignId", "accountId") VALUES ('${i.open}', '${i.worker}');
    INSERT INTO "Demand" (id, "campaignId", number, title, text, category) VALUES
      ('${i.kept}', '${i.campaign}', 1, 'Kept', 'In a published document', 'pay'),
      ('${i.moved}', '${i.open}', 1, 'Moved', 'Proposed, not yet published', 'pay'),
      ('${i.draft}', '${i.open}', 2, 'Merged', 'Merged into the other', 'pay');
    UPDATE "Demand" SET "mergedIntoId" = '${i.moved}' WHERE id = '${i.draft}';
    INSERT INTO "DemandRevision" (id, "demandId", version, kind, title, text, category) VALUES ('${cuid()}', '${i.moved}', 1, 'PROPOSED', 'Moved', 't', 'pay');
    INSERT INTO "DemandSupport" ("demandId", supporter) VALUES ('${i.moved}', 'n-support');
    INSERT INTO "Ballot" (id, "campaignId", nullifier, "demandIds", city, platform, sector) VALUES ('${i.ballot}', '${i.open}', 'n-ballot', ARRAY['${i.draft}', 'other', '${i.moved}'], 'x', 'y', 'z');
    INSERT INTO "TallyCell" ("campaignId", dim, value, "demandId", points) VALUES ('${i.open}', 'all', '', '${i.moved}', 3);
    INSERT INTO "Submission" (id, "campaignId", "unionId", "currentVersion") VALUES ('${i.submission}', '${i.campaign}', '${i.union}', 1), ('${i.draftSubmission}', '${i.open}', '${i.union}', 0);
    INSERT INTO "SubmissionVersion" ("submissionId", version, "publishedOn", document, digest) VALUES ('${i.submission}', 1, '2026-03-02', '{"demandId":"${i.kept}"}', 'digest');
    INSERT INTO "SubmissionItem" (id, "submissionId", "demandId", rank, title, category, version) VALUES ('${i.item}', '${i.submission}', '${i.kept}', 1, 'Kept', 'pay', 1);
    INSERT INTO "SubmissionParty" (id, "submissionId", kind, "platformId") VALUES ('${i.party}', '${i.submission}', 'PLATFORM', '${i.platform}');
    INSERT INTO "Answer" (id, "itemId", "partyId", status, text) VALUES ('${i.answer}', '${i.item}', '${i.party}', 'ACCEPTED', 'Yes');
    INSERT INTO "Notification" (id, "accountId", kind, "campaignId", "submissionId") VALUES ('${i.notice}', '${i.worker}', 'SUBMISSION_PUBLISHED', '${i.open}', '${i.draftSubmission}');
    INSERT INTO "InviteCode" (id, "unionId", "codeHash", "expiresOn") VALUES ('${cuid()}', '${i.union}', 'h1', wv_today());
  `);
  await pg.exec(sqlOf(MIGRATION));
  return { pg, ids };
}

// A random id may look like a UUID of some version; only a decoded time near MADE is a finding.
const isRecent = (ms: number | undefined) => ms !== undefined && Math.abs(ms - MADE) < 86_400_000;
const one = async <T,>(pg: PGlite, sql: string) => (await pg.query<T>(sql)).rows[0]!;

describe("the random-ids migration on a database with cuid v1 rows", () => {
  it("re-keys what no digest, link or nullifier covers, with every reference", async () => {
    const { pg, ids } = await legacyDatabase();
    // Kept: platform (report nullifiers), campaigns (ballot nullifiers, links), the published
    // submission, its item and its campaign's demand (the document's digest), answers (verdict nullifiers).
    for (const [table, id] of [["Platform", ids.platform], ["Campaign", ids.campaign], ["Campaign", ids.open], ["Submission", ids.submission], ["SubmissionItem", ids.item], ["Demand", ids.kept], ["Answer", ids.answer]] as const)
      expect((await pg.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [id])).rows, `${table} keeps its id`).toHaveLength(1);
    // Moved: everything else, and nothing left points at an old id.
    const union = await one<{ id: string }>(pg, `SELECT id FROM "Union"`);
    expect(union.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await one(pg, `SELECT "unionId" FROM "Campaign" WHERE id = '${ids.open}'`)).toEqual({ unionId: union.id });
    expect(await one(pg, `SELECT "unionId" FROM "Verification"`)).toEqual({ unionId: union.id });
    const moved = await one<{ id: string }>(pg, `SELECT id FROM "Demand" WHERE title = 'Moved'`);
    const merged = await one<{ id: string; mergedIntoId: string }>(pg, `SELECT id, "mergedIntoId" FROM "Demand" WHERE title = 'Merged'`);
    expect(moved.id).toMatch(/^[0-9a-f]{32}$/);
    expect(merged.mergedIntoId).toBe(moved.id);
    expect(await one(pg, `SELECT "demandIds" FROM "Ballot"`)).toEqual({ demandIds: [merged.id, "other", moved.id] });
    expect(await one(pg, `SELECT "demandId" FROM "TallyCell"`)).toEqual({ demandId: moved.id });
    expect(await one(pg, `SELECT "demandId" FROM "DemandSupport"`)).toEqual({ demandId: moved.id });
    expect(await one(pg, `SELECT "demandId" FROM "DemandRevision"`)).toEqual({ demandId: moved.id });
    const draft = await one<{ id: string }>(pg, `SELECT id FROM "Submission" WHERE "currentVersion" = 0`);
    expect(await one(pg, `SELECT "submissionId" FROM "Notification"`)).toEqual({ submissionId: draft.id });
    expect(await one(pg, `SELECT "partyId" FROM "Answer"`)).toEqual({ partyId: (await one<{ id: string }>(pg, `SELECT id FROM "SubmissionParty"`)).id });
    expect(await one(pg, `SELECT suspended FROM "Account"`)).toEqual({ suspended: true });

    // What a reader can still decode: the kept ids and the accounts (re-keyed after migrating, below).
    const kept = new Set([ids.platform, ids.campaign, ids.open, ids.submission, ids.item, ids.kept, ids.answer, ids.worker]);
    const tables = (await pg.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma%'`)).rows;
    const decoded: string[] = [];
    for (const { t } of tables)
      for (const row of (await pg.query<Record<string, unknown>>(`SELECT * FROM "${t}"`)).rows)
        for (const v of Object.values(row).flat())
          if (typeof v === "string" && isRecent(embeddedTime(v)?.ms) && !kept.has(v)) decoded.push(`${t}: ${v}`);
    expect(decoded).toEqual([]);
    await pg.close();
  });
});

describe("re-keying accounts made with cuid v1 ids", () => {
  it("gives them an id that tells no time; their session, vote and one-person-one-vote survive", async () => {
    const { campaignId, demandIds } = await makeCampaign({ demands: 2, phase: "VOTING" });
    const old = cuid();
    await db.account.create({ data: { id: old, role: "WORKER", pseudonym: `Legacy-${old}`, secretHash: "h" }, select: { id: true } });
    const session = await openSession(old);
    await castBallot(old, campaignId, [demandIds[0]!]);
    const stored = await db.ballot.findUniqueOrThrow({ where: { nullifier: nullifier("ballot", old, campaignId) }, select: { id: true } });

    expect(await rekeyLegacyAccounts()).toBeGreaterThanOrEqual(1);
    expect(await rekeyLegacyAccounts()).toBe(0);
    expect(await db.account.count({ where: { id: old } })).toBe(0);
    const me = (await getSessionAccount(session.id))!;
    expect(me.accountId).toMatch(/^x[0-9a-f]{32}$/);
    expect(embeddedTime(me.accountId)).toBeNull();
    // The same nullifier from the new id: the worker finds and changes the same ballot.
    expect(nullifier("ballot", me.accountId, campaignId)).toBe(nullifier("ballot", old, campaignId));
    expect(await getMyBallot(me.accountId, campaignId)).toMatchObject({ demandIds: [demandIds[0]] });
    await castBallot(me.accountId, campaignId, [demandIds[1]!]);
    expect(await db.ballot.findMany({ where: { campaignId }, select: { id: true, demandIds: true } })).toEqual([{ id: stored.id, demandIds: [demandIds[1]] }]);
  });
});
