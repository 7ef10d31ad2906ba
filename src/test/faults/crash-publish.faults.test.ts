import { createHash } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrationSql } from "~/test/migrations";
import { startCluster, type Cluster } from "./cluster";
import { serveApp } from "./served-app";

// Issue 14, app faults for the organisers' and platforms' writes: the production server killed
// with SIGKILL while an organiser publishes a new version of a submission, its platform answers
// an item and workers give verdicts, at a different moment in each of several rounds. After
// each kill: a publish left the old version or the new one, never part of one (the current
// version exists, its digest is its text's, its items are all there); an acknowledged answer
// or verdict is stored; an item has at most one current answer per party.

let cluster: Cluster;
let client: pg.Client;
afterAll(async () => {
  await client?.end();
  const { closeDb } = await import("~/server/db");
  await closeDb();
  await cluster?.destroy();
});

type Ctx = Awaited<ReturnType<typeof fixtures>>;
let ctx: Ctx;

async function cookieFor(accountId: string, role: string) {
  const { openSession } = await import("~/features/accounts/mutations");
  const session = await openSession(accountId);
  const token = await encode({ token: { sid: session.id, role }, secret: process.env.AUTH_SECRET! });
  return `__Secure-next-auth.session-token=${token}`;
}

async function fixtures() {
  const { makePublishedSubmission, makeAnswer } = await import("~/test/submission-factories");
  const { signedInWorkers } = await import("./fixtures");
  const s = await makePublishedSubmission({ demands: 3, platforms: 1 });
  const party = s.platformParties[0]!;
  const yesterday = new Date(Date.now() - 2 * 86_400_000);
  const commitment = await makeAnswer({ itemId: s.items[0]!.id, partyId: party.id, status: "ACCEPTED", dueOn: yesterday });
  return {
    ...s,
    partyId: party.id,
    answerId: commitment.id,
    organiser: await cookieFor(s.organiser.account.accountId, "ORGANISER"),
    rep: await cookieFor(s.platforms[0]!.rep!.account.accountId, "PLATFORM_REP"),
    workers: await signedInWorkers(120),
  };
}

beforeAll(async () => {
  cluster = await startCluster(25442);
  client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  process.env.DATABASE_URL = cluster.url;
  ctx = await fixtures();
});

const seen: string[] = [];
async function mutate(url: string, cookie: string, proc: string, input: unknown) {
  try {
    const res = await fetch(`${url}/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ json: input }) });
    if (res.status !== 200) seen.push(`${proc} ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res.status;
  } catch (e) {
    seen.push(`${proc} threw ${String((e as Error).cause ?? e)}`);
    return 0; // the server died before answering
  }
}

async function currentVersion() {
  const { rows } = await client.query<{ v: number }>(`SELECT "currentVersion" AS v FROM "Submission" WHERE id = $1`, [ctx.submissionId]);
  return rows[0]!.v;
}

async function expectConsistent(acknowledgedVersions: number[]) {
  const current = await currentVersion();
  const { rows: versions } = await client.query<{ version: number; document: string; digest: string }>(
    `SELECT version, document, digest FROM "SubmissionVersion" WHERE "submissionId" = $1 ORDER BY version`,
    [ctx.submissionId],
  );
  // Versions 1..current, each whole, none beyond the current one.
  expect(versions.map((v) => v.version)).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  for (const v of versions) expect(createHash("sha256").update(v.document).digest("hex")).toBe(v.digest);
  for (const v of acknowledgedVersions) expect(v).toBeLessThanOrEqual(current);
  const { rows: items } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "SubmissionItem" WHERE "submissionId" = $1 AND version <= $2`, [ctx.submissionId, current]);
  expect(items[0]!.n).toBe(3);
  const { rows: doubles } = await client.query(`SELECT "itemId", "partyId" FROM "Answer" WHERE current GROUP BY 1, 2 HAVING count(*) > 1`);
  expect(doubles).toEqual([]);
}

it("a publish, answers and verdicts cut short by SIGKILL leave whole versions and keep every acknowledged write", async () => {
  const { getMyVerdicts } = await import("~/features/verdicts/data");
  const { chinaToday } = await import("~/lib/days");
  const acknowledgedVersions: number[] = [];
  const acknowledgedAnswers: string[] = [];
  const acknowledgedVerdicts: number[] = [];
  let nextWorker = 0;
  for (let round = 0; round < 5; round++) {
    const app = await serveApp(3395 + round, cluster.url);
    // Warm: the tRPC route is loaded and the organiser's session read once before the burst.
    await fetch(`${app.url}/api/trpc/verdicts.mine?input=${encodeURIComponent(JSON.stringify({ json: { submissionId: ctx.submissionId } }))}`, { headers: { cookie: ctx.workers[0]!.cookie } });
    const expected = await currentVersion();
    const text = `Round ${round}: we will review waiting time pay with riders' representatives.`;
    const writes: Promise<void>[] = [
      mutate(app.url, ctx.organiser, "submissions.publish", {
        campaignId: ctx.campaignId,
        coverLetter: `Cover letter of round ${round}, for the platform's answer.`,
        responseDays: 30,
        changelog: `Round ${round} correction.`,
        expectedVersion: expected,
      }).then((s) => void (s === 200 && acknowledgedVersions.push(expected + 1))),
      mutate(app.url, ctx.rep, "answers.answerAsPlatform", { submissionId: ctx.submissionId, itemId: ctx.items[1]!.id, status: "NEGOTIATING", text }).then(
        (s) => void (s === 200 && acknowledgedAnswers.push(text)),
      ),
    ];
    for (let i = 0; i < 20; i++) {
      const w = nextWorker++;
      writes.push(mutate(app.url, ctx.workers[w]!.cookie, "verdicts.give", { answerId: ctx.answerId, value: "PARTLY" }).then((s) => void (s === 200 && acknowledgedVerdicts.push(w))));
    }
    // A different moment each round: before anything commits, then after more and more have.
    const landed = () => acknowledgedVerdicts.length + acknowledgedAnswers.length + acknowledgedVersions.length;
    const before = landed();
    for (let waited = 0; landed() - before < round * 4 && waited < 20_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
    await app.kill9();
    await Promise.all(writes);
    await expectConsistent(acknowledgedVersions);
  }
  for (const text of acknowledgedAnswers) {
    const { rows } = await client.query(`SELECT 1 FROM "Answer" WHERE text = $1`, [text]);
    expect(rows.length).toBe(1);
  }
  for (const w of acknowledgedVerdicts) expect((await getMyVerdicts(ctx.workers[w]!.accountId, ctx.submissionId, chinaToday())).mine[ctx.answerId]).toBe("PARTLY");
  // The rounds did land writes on both sides of the kills (else they proved nothing).
  expect(acknowledgedVerdicts.length, seen.join("\n")).toBeGreaterThan(0);
});
