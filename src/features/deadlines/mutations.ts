import "server-only";
import { db } from "~/server/db";
import { isoDay } from "~/lib/days";
import { notifyFollowers, notifyFollowersInScope } from "~/features/notifications/mutations";

// The deadline sweep: what the passing of days does to published submissions. Idempotent and
// safe to run from several processes at once: each event is claimed by one conditional UPDATE
// of the rows it selected FOR UPDATE SKIP LOCKED, in id order (a row already stamped no longer
// matches; a row another runner, or an answer being saved, holds is left to that runner or the
// next sweep, so runners never wait on each other or deadlock), and its notices are written in
// the same transaction, with dedupe keys as a second guard.

// A sweep after downtime may stamp many rows and fan out many notices in one transaction.
const LONG = { maxWait: 10_000, timeout: 120_000 };

/** What this run claimed: the parties it marked overdue and the answers it opened to verdicts. */
export type SweepResult = { overdue: string[]; verdictsAsked: string[] };

export async function sweepDeadlines(today: Date): Promise<SweepResult> {
  const day = isoDay(today);
  const overdue = await db.$transaction(async (tx) => {
    // (a) The response clock ran out and the party has not answered every item.
    const rows = await tx.$queryRaw<{ partyId: string; submissionId: string; campaignId: string }[]>`
      WITH due AS (
        SELECT p."id" FROM "SubmissionParty" p JOIN "Submission" s ON s."id" = p."submissionId"
        WHERE s."firstPublishedOn" IS NOT NULL AND s."respondBy" < ${day}::date AND p."completedOn" IS NULL AND p."overdueNoticeOn" IS NULL
        ORDER BY p."id" FOR UPDATE OF p SKIP LOCKED)
      UPDATE "SubmissionParty" p SET "overdueNoticeOn" = ${day}::date
      FROM due, "Submission" s
      WHERE p."id" = due."id" AND s."id" = p."submissionId"
      RETURNING p."id" AS "partyId", s."id" AS "submissionId", s."campaignId" AS "campaignId"`;
    for (const r of rows) {
      await notifyFollowers(tx, r.campaignId, "RESPONSE_OVERDUE", { submissionId: r.submissionId, dedupeKey: `overdue:${r.partyId}` });
    }
    return rows.map((r) => r.partyId);
  }, LONG);
  const verdictsAsked = await db.$transaction(async (tx) => {
    // (b) A commitment's date has passed: workers in scope are asked whether it was done.
    const rows = await tx.$queryRaw<{ answerId: string; submissionId: string; campaignId: string }[]>`
      WITH due AS (
        SELECT a."id" FROM "Answer" a
        JOIN "SubmissionParty" p ON p."id" = a."partyId" JOIN "Submission" s ON s."id" = p."submissionId"
        WHERE s."firstPublishedOn" IS NOT NULL AND a."current" AND a."status" IN ('ACCEPTED', 'PARTLY_ACCEPTED')
          AND a."dueOn" < ${day}::date AND a."verdictsOpenOn" IS NULL
        ORDER BY a."id" FOR UPDATE OF a SKIP LOCKED)
      UPDATE "Answer" a SET "verdictsOpenOn" = ${day}::date
      FROM due, "SubmissionParty" p, "Submission" s
      WHERE a."id" = due."id" AND p."id" = a."partyId" AND s."id" = p."submissionId"
      RETURNING a."id" AS "answerId", s."id" AS "submissionId", s."campaignId" AS "campaignId"`;
    for (const r of rows) {
      await notifyFollowersInScope(tx, r.campaignId, "VERDICT_ASKED", { submissionId: r.submissionId, answerId: r.answerId, dedupeKey: `verdict:${r.answerId}` });
    }
    return rows.map((r) => r.answerId);
  }, LONG);
  return { overdue, verdictsAsked };
}
