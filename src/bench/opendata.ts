import pg from "pg";
import { buildApp, migrate, pointAtDatabase, startApp, timeRequests, warm } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { runWrk } from "./lib/wrk";

// Platform records and the open-data API on PostgreSQL at a few years' scale: 10,000 published
// submissions addressed to 20 platforms (two each), 5 items each, answers from most parties
// and workers' verdicts on the commitments, generated in SQL. Prints the server time of the
// record queries (in process) and the API's throughput over HTTP (wrk). No target is set in the
// issue; the figures sit beside the no-op route yardstick of the foundation benchmark.

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const PLATFORMS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const databaseUrl = await freshDatabase("wv_bench_opendata");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const started = Date.now();
await sql.query(`
  INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector)
  SELECT 'pl' || i, 'platform-' || i, '平台' || i, 'Platform ' || i, 'FOOD_DELIVERY' FROM generate_series(1, ${PLATFORMS}) i;
  INSERT INTO "Union" (id, slug, "nameZh", "nameEn") VALUES ('un1', 'bench-union', '工会', 'Union');`);
await sql.query(
  `INSERT INTO "Campaign" (id, "unionId", title, description, "scopePlatformSlugs", "scopeSectors", "scopeCities", "targetPlatformSlugs", phase, "proposingFrom", "votingFrom", "closesOn")
   SELECT 'ca' || i, 'un1', 'Campaign ' || i, 'Bench campaign', '{}', '{}', '{}', '{}', 'CLOSED', d - 60, d - 30, d - 5
   FROM generate_series(1, $1) i, LATERAL (SELECT DATE '2023-01-01' + (i % 1000) AS d) x`,
  [SUBMISSIONS],
);
await sql.query(
  `INSERT INTO "Submission" (id, "campaignId", "unionId", "firstPublishedOn", "respondBy", "currentVersion")
   SELECT 'su' || i, 'ca' || i, 'un1', DATE '2023-01-01' + (i % 1000), DATE '2023-01-31' + (i % 1000), 1 FROM generate_series(1, $1) i;
   INSERT INTO "SubmissionVersion" ("submissionId", version, "publishedOn", document, digest)
   SELECT 'su' || i, 1, DATE '2023-01-01' + (i % 1000), '{"bench":' || i || '}', encode(sha256(('{"bench":' || i || '}')::bytea), 'hex') FROM generate_series(1, $1) i;
   INSERT INTO "SubmissionItem" (id, "submissionId", "demandId", rank, title, category, version)
   SELECT 'it' || i || '-' || r, 'su' || i, 'de' || i || '-' || r, r, 'Demand ' || r, 'pay_and_deductions', 1 FROM generate_series(1, $1) i, generate_series(1, 5) r;`.replace(/\$1/g, String(SUBMISSIONS)),
);
// Two platforms per submission; 80% of parties answered (after 1-60 days), 60% completely.
await sql.query(`
  INSERT INTO "SubmissionParty" (id, "submissionId", kind, "platformId", "firstAnsweredOn", "completedOn")
  SELECT 'pa' || i || '-' || k, 'su' || i, 'PLATFORM', 'pl' || (1 + (i + k * 7) % ${PLATFORMS}),
    CASE WHEN h % 10 < 8 THEN DATE '2023-01-01' + (i % 1000) + 1 + h % 60 END,
    CASE WHEN h % 10 < 6 THEN DATE '2023-01-01' + (i % 1000) + 1 + h % 60 END
  FROM generate_series(1, ${SUBMISSIONS}) i, generate_series(0, 1) k, LATERAL (SELECT abs(hashtext(i || '-' || k)) AS h) x`);
await sql.query(`
  INSERT INTO "Answer" (id, "itemId", "partyId", status, text, "dueOn", "answeredOn", current)
  SELECT 'an' || p.id || '-' || r, 'it' || substr(p."submissionId", 3) || '-' || r, p.id,
    (ARRAY['ACCEPTED', 'PARTLY_ACCEPTED', 'NEGOTIATING', 'REJECTED'])[1 + abs(hashtext(p.id || r)) % 4]::"AnswerStatus", 'Our answer.',
    CASE WHEN abs(hashtext(p.id || r)) % 4 < 2 THEN p."firstAnsweredOn" + 90 END, p."firstAnsweredOn", true
  FROM "SubmissionParty" p, generate_series(1, 5) r WHERE p."completedOn" IS NOT NULL`);
await sql.query(`
  INSERT INTO "ItemVerdict" (id, "answerId", nullifier, value, "givenOn")
  SELECT a.id || '-' || v, a.id, md5(a.id || v), (ARRAY['YES', 'PARTLY', 'NO'])[1 + abs(hashtext(a.id || v)) % 3]::"VerdictValue", a."dueOn" + 1
  FROM "Answer" a, generate_series(1, 1 + abs(hashtext(a.id)) % 12) v WHERE a."dueOn" IS NOT NULL`);
await sql.query(`VACUUM ANALYZE`);
const counts = (await sql.query(`SELECT (SELECT count(*) FROM "SubmissionParty")::int AS parties, (SELECT count(*) FROM "Answer")::int AS answers, (SELECT count(*) FROM "ItemVerdict")::int AS verdicts`)).rows[0] as {
  parties: number;
  answers: number;
  verdicts: number;
};
console.log(`\nOpen-data benchmark on ${machineLine()}`);
console.log(`  (generated ${SUBMISSIONS.toLocaleString("en")} submissions, ${counts.parties.toLocaleString("en")} parties, ${counts.answers.toLocaleString("en")} answers, ${counts.verdicts.toLocaleString("en")} verdicts in ${((Date.now() - started) / 1000).toFixed(0)} s)`);

const { getPlatformRecord, listPlatformRecords } = await import("~/features/records/data");
async function serverTime(run: () => Promise<unknown>, n = 15) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}
printFigure("every platform's record (listPlatformRecords), server ms", (await serverTime(() => listPlatformRecords())).toFixed(1));
printFigure("one platform's record with its 1,000 submissions, server ms", (await serverTime(() => getPlatformRecord("platform-1"))).toFixed(1));

const app = await startApp(databaseUrl, undefined, {}, { timing: true });
try {
  const paths = {
    "GET /api/v1/platforms": "/api/v1/platforms",
    "GET /api/v1/platforms/{slug}": "/api/v1/platforms/platform-1",
    "GET /api/v1/submissions?limit=50": "/api/v1/submissions?limit=50",
    "GET /api/v1/submissions/{id}": "/api/v1/submissions/su42",
    "GET /api/v1/submissions/{id}/versions/1": "/api/v1/submissions/su42/versions/1",
    "page /platforms/{slug}": "/platforms/platform-1",
  };
  for (const [label, path] of Object.entries(paths)) {
    await warm(`${app.url}${path}`, 20);
    const seq = await timeRequests(`${app.url}${path}`, 30);
    const load = runWrk(app.url, [{ method: "GET", path }], { seconds: SECONDS, connections: 8, threads: 1 });
    printFigure(`${label}: median ms / req/s (8 connections)`, `${seq.median.toFixed(1)} / ${load.rps.toFixed(0)}`);
    if (load.non2xx || load.errors) {
      console.error(`  ${label}: ${load.non2xx} non-2xx, ${load.errors} errors`);
      process.exitCode = 1;
    }
  }
} finally {
  await app.stop();
  await sql.end();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}
