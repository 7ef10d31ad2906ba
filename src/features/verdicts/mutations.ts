import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { coarseProfile } from "~/features/ballots/mutations";
import { judgeEligibility, verdictNullifier } from "~/features/verdicts/data";
import { verdictRefusal } from "~/features/verdicts/policy";
import type { VerdictValue } from "~/features/verdicts/outcome";
import { recordActor, releaseAfterWrite } from "~/features/stats/releases/mutations";

/**
 * Records (or changes) a worker's verdict on a commitment. One row per account and answer:
 * the nullifier is unique and the write is an upsert, so double taps and retries leave one row
 * and a change of mind replaces the value. The answer row is read FOR SHARE inside the
 * transaction, so an answer superseded at the same moment cannot collect a verdict after it.
 * The id is a random UUID, not a time-ordered cuid (P2: no precise time with a worker's act).
 */
export async function giveVerdict(accountId: string, answerId: string, value: VerdictValue, today: Date) {
  const answer = await db.answer.findFirst({
    where: { id: answerId, party: { submission: { firstPublishedOn: { not: null } } } },
    select: {
      party: { select: { submission: { select: { campaign: { select: { unionId: true, verifiedOnly: true, scopePlatformSlugs: true, scopeSectors: true, scopeCities: true } } } } } },
    },
  });
  if (!answer) throw new AppError("NOT_FOUND");
  const { refusal, profile } = await judgeEligibility(accountId, answer.party.submission.campaign);
  const key = verdictNullifier(accountId, answerId);
  const p = coarseProfile(profile);
  const { due, ...given } = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; current: boolean; dueOn: Date | null }[]>`
      SELECT "status"::text, "current", "dueOn" FROM "Answer" WHERE "id" = ${answerId} FOR SHARE`;
    const notOpen = row ? verdictRefusal(row, today) : "NOT_FOUND";
    if (notOpen) throw new AppError(notOpen);
    if (refusal) throw new AppError(refusal);
    await tx.$executeRaw`
      INSERT INTO "ItemVerdict" ("id", "answerId", "nullifier", "value", "city", "platform", "sector")
      VALUES (gen_random_uuid()::text, ${answerId}, ${key}, ${value}::"VerdictValue", ${p.city}, ${p.platform}, ${p.sector})
      ON CONFLICT ("nullifier") DO UPDATE SET "value" = EXCLUDED."value", "city" = EXCLUDED."city", "platform" = EXCLUDED."platform",
        "sector" = EXCLUDED."sector", "givenOn" = wv_today()`;
    // Shown counts are the answer's last release (src/features/stats/releases): this worker joins
    // the actors since, in the same transaction.
    return { answerId, value, due: await recordActor(tx, "verdict", answerId, accountId) };
  });
  await releaseAfterWrite("verdict", answerId, due);
  return given;
}
