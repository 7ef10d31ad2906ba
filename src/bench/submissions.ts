import pg from "pg";
import { migrate, pointAtDatabase } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";

// Issue 6: compiling a submission over 1,000,000 condition reports and a campaign of 100,000
// ballots (target ≤ 3 s on PostgreSQL), then publishing it (one transaction: the version row
// with its canonical JSON and digest, items, parties, followers' notices). Timed in this
// process against the same database, as the organiser's page calls them.
// `BENCH_REPORTS=100000 npm run bench -- submissions` for a quicker run.
const TOTAL = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const BALLOTS = 100_000;

const databaseUrl = await freshDatabase("wv_bench_submissions");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);

const { db, closeDb } = await import("~/server/db");
const { createPlatform, createUnion } = await import("~/features/accounts/mutations");
const { setPhase } = await import("~/features/campaigns/mutations");
const { getCampaignFigures } = await import("~/features/ballots/data");
const { addMonths, monthKey, statsPeriod } = await import("~/features/reports/months");
const { chinaToday } = await import("~/lib/days");
const { compileBody, previewSubmission } = await import("~/features/submissions/compile");
const { publishSubmission } = await import("~/features/submissions/mutations");
const { generateReports, PLATFORMS } = await import("./lib/synthetic-reports");
const { bulkBallots, votingCampaign } = await import("./lib/ballots");
const { createWorkers } = await import("./lib/workers");

const today = chinaToday();
const lastClosed = statsPeriod(today).to;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function time<T>(fn: () => Promise<T>, n: number) {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    last = await fn();
    times.push(performance.now() - started);
  }
  return { median: median(times), max: Math.max(...times), last: last! };
}

/** A closed campaign of `BALLOTS` ballots with a petition of 50,000 signatures and some followers. */
async function closedCampaign(unionId: string, scope: { scopePlatformSlugs: string[]; scopeSectors: ("FOOD_DELIVERY" | "COURIER")[] }, months: number) {
  const { id, ids } = await votingCampaign(unionId, 10, {
    ...scope,
    targetPlatformSlugs: ["flasheats", "swiftparcel"],
    targetsUnion: true,
    proposingFrom: day(addMonths(lastClosed, -(months - 1))),
    votingFrom: day(lastClosed),
    closesOn: day(new Date(lastClosed.getTime() + 20 * 86_400_000)),
  });
  await bulkBallots(id, ids, BALLOTS);
  await setPhase(unionId, id, "CLOSED");
  const petitionId = `bench-petition-${id}`;
  await db.petition.create({
    data: { id: petitionId, shortCode: id.slice(-8), ownerKey: "bench", title: "Pay waiting time", ask: "Pay every minute of waiting.", reason: "Benchmark petition.", targetKind: "OTHER", targetName: "Bench", campaignId: id, status: "PUBLISHED", publishedOn: today },
  });
  await db.petitionTally.createMany({ data: Array.from({ length: 16 }, (_, slot) => ({ petitionId, dimension: "total", value: "", slot, count: 3125 })) });
  return id;
}

console.log(`\nSubmissions benchmark on ${machineLine()}`);
const platformIds: string[] = [];
for (const p of PLATFORMS) platformIds.push((await createPlatform({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, sector: p.sector })).id);
const genSeconds = await generateReports(databaseUrl, TOTAL, platformIds);
printFigure(`generated ${TOTAL.toLocaleString("en")} synthetic reports (SQL), s`, genSeconds.toFixed(1));

const union = await createUnion({ slug: "bench-union", nameZh: "基准工会", nameEn: "Bench union" });
const started = performance.now();
// A FlashEats riders' campaign over the last 4 closed months, and a campaign for everyone over all 12.
const scoped = await closedCampaign(union.id, { scopePlatformSlugs: ["flasheats"], scopeSectors: ["FOOD_DELIVERY"] }, 4);
const everyone = await closedCampaign(union.id, { scopePlatformSlugs: [], scopeSectors: [] }, 12);
printFigure(`2 closed campaigns of ${BALLOTS.toLocaleString("en")} ballots each, s`, ((performance.now() - started) / 1000).toFixed(1));

// Followers to notify on publication.
const followers = await createWorkers(200);
for (const campaignId of [scoped, everyone]) await db.campaignFollow.createMany({ data: followers.map((w) => ({ campaignId, accountId: w.accountId })) });

const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query(`ANALYZE`);
const counted = async (campaignId: string) => {
  const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { proposingFrom: true, scopePlatformSlugs: true } });
  const from = `${monthKey(c.proposingFrom)}-01`;
  const platform = c.scopePlatformSlugs.length ? `AND "platformId" = '${platformIds[0]}'` : "";
  const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "Report" WHERE "month" BETWEEN $1::date AND $2::date ${platform}`, [from, day(lastClosed)]);
  return rows[0].n as number;
};

try {
  for (const [label, campaignId] of [
    ["FlashEats riders, 4 months", scoped],
    ["everyone, 12 months", everyone],
  ] as const) {
    const reports = await counted(campaignId);
    console.log(`\n  Campaign "${label}": ${BALLOTS.toLocaleString("en")} ballots, ${reports.toLocaleString("en")} reports in scope and period`);
    const cold = await time(() => compileBody(campaignId, today), 1);
    printFigure("  compile (first run), ms", cold.median.toFixed(0), "≤ 3000");
    const warm = await time(() => compileBody(campaignId, today), 5);
    printFigure("  compile, median of 5 / max, ms", `${warm.median.toFixed(0)} / ${warm.max.toFixed(0)}`, "≤ 3000");
    const tally = await time(() => getCampaignFigures(campaignId), 10);
    printFigure("    of which the tally (getCampaignFigures), median ms", tally.median.toFixed(1));
    const preview = await time(() => previewSubmission(union.id, campaignId, today), 3);
    printFigure("  organiser's preview (compile + draft), median ms", preview.median.toFixed(0));
    const publish = await time(
      () => publishSubmission(union.id, { campaignId, expectedVersion: 0, coverLetter: "To the platforms: please answer item by item.", responseDays: 30, changelog: "" }, today),
      1,
    );
    printFigure("  publish v1 (compile + one transaction), ms", publish.median.toFixed(0));
    const correction = await time(
      () => publishSubmission(union.id, { campaignId, expectedVersion: 1, coverLetter: "To the platforms: please answer every item.", responseDays: 30, changelog: "Wording." }, today),
      1,
    );
    printFigure("  publish a correction (v2), ms", correction.median.toFixed(0));
    const v2 = await db.submissionVersion.findFirstOrThrow({ where: { version: 2, submission: { campaignId } }, select: { document: true } });
    const notices = await db.notification.count({ where: { campaignId, kind: "SUBMISSION_PUBLISHED" } });
    printFigure("  canonical JSON size, KB / notices sent", `${(Buffer.byteLength(v2.document) / 1024).toFixed(1)} / ${notices}`);
  }
} finally {
  await admin.end();
  await closeDb();
}
