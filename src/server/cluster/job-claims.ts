import "server-only";
import { db } from "~/server/db";

// Scheduled jobs run once per hour across every app instance on one database (issue 15): an
// instance runs a job for an hour only if its insert of (job, hour) into "JobClaim" won. The
// primary key decides between instances that tick at the same moment, on PostgreSQL as on the
// embedded database (where there is one process and the claim simply always wins once an hour).

export const JOB_HOUR_MS = 3_600_000;
export const hourOf = (now: number) => Math.floor(now / JOB_HOUR_MS);

/** True when this process won the job's run for `hour`; then it runs it. */
export async function claimJob(job: string, hour: number): Promise<boolean> {
  const won = await db.$executeRaw`INSERT INTO "JobClaim" ("job", "hour") VALUES (${job}, ${hour}) ON CONFLICT DO NOTHING`;
  return won === 1;
}

/** Claims older than two days say nothing anyone needs. */
export async function forgetOldClaims(hour: number) {
  await db.$executeRaw`DELETE FROM "JobClaim" WHERE "hour" < ${hour - 48}`;
}
