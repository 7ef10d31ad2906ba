import "server-only";
import { randomInt } from "node:crypto";
import { db, hotSql } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { chinaToday } from "~/lib/days";
import { signatureNullifier, unverifiedSignatureTag, verifiedSignatureTag } from "~/features/petitions/policy";
import { getWorkerProfile } from "~/features/accounts/data";
import { MILESTONES } from "~/features/petitions/schema";
import { newId } from "~/server/ids";
import { STEP } from "~/features/stats/releases/rule";
import { actorKey, releaseAfterWrite } from "~/features/stats/releases/mutations";

/** Counter rows per petition and dimension value: concurrent signatures rarely meet on one. */
export const TALLY_SLOTS = 16;

type Outcome = { open: number; changed: number; threshold: number; reached: boolean; milestone: number; total: number; unverified: boolean; pending: number };

/**
 * One tap to sign. A single prepared statement (hotSql) checks the petition is open, inserts the
 * signature under its nullifier (ON CONFLICT DO NOTHING: a double tap or retry stores nothing)
 * and adds one to a counter slot, so the shown count always equals the stored signatures. The signer's coarse
 * profile (from getWorkerProfile: it is sealed on the account) is copied for k=5 breakdowns;
 * whether any union verified them goes only into the "verified" counter, and the row keeps a
 * tag that only the server can read back at withdrawal (verifiedSignatureTag). The account id is
 * not stored. A verified-only petition stores nothing for an unverified signer.
 */
export async function signPetition(accountId: string, petitionId: string, comment?: string) {
  const text = comment?.trim() || null;
  refusePii(text);
  const profile = await getWorkerProfile(accountId);
  const key = signatureNullifier(accountId, petitionId);
  const rows = await hotSql<Outcome>`
    WITH p AS (
      SELECT pe.id, pe.threshold, pe."thresholdReachedOn", pe."milestoneReached", pe."verifiedOnly", pl.slug
      FROM "Petition" pe LEFT JOIN "Platform" pl ON pl.id = pe."platformId"
      WHERE pe.id = ${petitionId} AND pe.status = 'PUBLISHED' AND pe."closesOn" >= wv_today()
    ), a AS (
      SELECT EXISTS (SELECT 1 FROM "Verification" v WHERE v."accountId" = ${accountId}) AS verified
      FROM "Account" WHERE id = ${accountId} AND role = 'WORKER'
    ), ins AS (
      INSERT INTO "PetitionSignature" (id, "petitionId", nullifier, city, "platformSlug", sector, "withdrawTag", comment, "commentStatus")
      SELECT ${newId()}, p.id, ${key}, ${profile.city}::text,
        CASE WHEN p.slug = ANY(${profile.platformSlugs}::text[]) THEN p.slug ELSE (${profile.platformSlugs}::text[])[1] END,
        ${profile.sectors[0] ?? null}::text, CASE WHEN a.verified THEN ${verifiedSignatureTag(key)} ELSE ${unverifiedSignatureTag()} END,
        ${text}, CASE WHEN ${text}::text IS NULL THEN NULL ELSE 'PENDING'::"CommentStatus" END
      FROM p CROSS JOIN a
      WHERE NOT p."verifiedOnly" OR a.verified
      ON CONFLICT (nullifier) DO NOTHING
      RETURNING "petitionId", city, "platformSlug", sector, (SELECT verified FROM a) AS verified
    ), tally AS (
      INSERT INTO "PetitionTally" ("petitionId", dimension, value, slot, count)
      SELECT ins."petitionId", d.dimension, d.value, ${randomInt(TALLY_SLOTS)}, 1
      FROM ins CROSS JOIN LATERAL (VALUES (1, 'total', ''), (2, 'city', coalesce(ins.city, '')),
        (3, 'platform', coalesce(ins."platformSlug", '')), (4, 'sector', coalesce(ins.sector, '')), (5, 'verified', '')) AS d(ord, dimension, value)
      WHERE d.dimension <> 'verified' OR ins.verified
      ORDER BY d.ord
      ON CONFLICT ("petitionId", dimension, value, slot) DO UPDATE SET count = "PetitionTally".count + EXCLUDED.count
      RETURNING 1
    ), act AS (
      -- The signer joins the actors since the breakdown's last release (rule.ts): at most STEP
      -- index entries are read to tell whether a release is due.
      INSERT INTO "FigureActor" (kind, "subjectId", actor) SELECT 'petition', ins."petitionId", ${actorKey("petition", accountId, petitionId)} FROM ins
      ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM p) AS open, (SELECT count(*)::int FROM ins) AS changed,
      (SELECT count(*)::int FROM (SELECT 1 FROM "FigureActor" WHERE kind = 'petition' AND "subjectId" = ${petitionId} LIMIT ${STEP}) f)
        + (SELECT count(*)::int FROM act) AS pending,
      coalesce((SELECT threshold FROM p), 0) AS threshold, coalesce((SELECT "thresholdReachedOn" IS NOT NULL FROM p), false) AS reached,
      coalesce((SELECT "milestoneReached" FROM p), 0) AS milestone, (SELECT count(*)::int FROM tally) AS tallied,
      coalesce((SELECT "verifiedOnly" AND NOT a.verified FROM p CROSS JOIN a), false) AS unverified,
      -- The counters as this statement found them, plus this signature: saves a round trip.
      (SELECT coalesce(sum(count), 0)::int FROM "PetitionTally" WHERE "petitionId" = ${petitionId} AND dimension = 'total' AND value = '')
        + (SELECT count(*)::int FROM ins) AS total`;
  const outcome = rows[0]!;
  if (outcome.open === 0) throw new AppError("PETITION_CLOSED");
  if (outcome.unverified) throw new AppError("NOT_VERIFIED");
  if (outcome.changed === 0) throw new AppError("ALREADY_SIGNED");
  await releaseAfterWrite("petition", petitionId, outcome.pending >= STEP);
  return { signatures: await recordProgress(petitionId, outcome) };
}

/**
 * Withdraw while the petition is open: the row goes and the counters drop in one statement. The
 * "verified" counter drops only if the row's tag says this signature was counted there, so a
 * signer verified (or not) since signing takes back exactly what they added.
 */
export async function withdrawSignature(accountId: string, petitionId: string) {
  const key = signatureNullifier(accountId, petitionId);
  const rows = await db.$queryRaw<Pick<Outcome, "open" | "changed" | "pending">[]>`
    WITH p AS (
      SELECT id FROM "Petition" WHERE id = ${petitionId} AND status = 'PUBLISHED' AND "closesOn" >= wv_today()
    ), del AS (
      DELETE FROM "PetitionSignature" s USING p
      WHERE s.nullifier = ${key} AND s."petitionId" = p.id
      RETURNING s."petitionId", s.city, s."platformSlug", s.sector, s."withdrawTag" = ${verifiedSignatureTag(key)} AS verified
    ), tally AS (
      INSERT INTO "PetitionTally" ("petitionId", dimension, value, slot, count)
      SELECT del."petitionId", d.dimension, d.value, ${randomInt(TALLY_SLOTS)}, -1
      FROM del CROSS JOIN LATERAL (VALUES (1, 'total', ''), (2, 'city', coalesce(del.city, '')),
        (3, 'platform', coalesce(del."platformSlug", '')), (4, 'sector', coalesce(del.sector, '')), (5, 'verified', '')) AS d(ord, dimension, value)
      WHERE d.dimension <> 'verified' OR del.verified
      ORDER BY d.ord
      ON CONFLICT ("petitionId", dimension, value, slot) DO UPDATE SET count = "PetitionTally".count + EXCLUDED.count
      RETURNING 1
    ), act AS (
      INSERT INTO "FigureActor" (kind, "subjectId", actor) SELECT 'petition', del."petitionId", ${actorKey("petition", accountId, petitionId)} FROM del
      ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM p) AS open, (SELECT count(*)::int FROM del) AS changed, (SELECT count(*)::int FROM tally) AS tallied,
      (SELECT count(*)::int FROM (SELECT 1 FROM "FigureActor" WHERE kind = 'petition' AND "subjectId" = ${petitionId} LIMIT ${STEP}) f)
        + (SELECT count(*)::int FROM act) AS pending`;
  const outcome = rows[0]!;
  if (outcome.open === 0) throw new AppError("PETITION_CLOSED");
  if (outcome.changed === 0) throw new AppError("NOT_SIGNED");
  await releaseAfterWrite("petition", petitionId, outcome.pending >= STEP);
  return { signatures: await countSignatures(petitionId) };
}

export async function countSignatures(petitionId: string) {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(count), 0)::int AS n FROM "PetitionTally" WHERE "petitionId" = ${petitionId} AND dimension = 'total' AND value = ''`;
  return rows[0]?.n ?? 0;
}

/**
 * Records the threshold crossing (the "awaiting response" clock starts) and milestones. Only
 * writes when something was crossed, so a busy petition's row is not updated on every signature.
 */
export async function recordProgress(petitionId: string, known?: Pick<Outcome, "threshold" | "reached" | "milestone" | "total">) {
  const total = known?.total ?? (await countSignatures(petitionId));
  const state =
    known ?? (await db.petition.findUnique({ where: { id: petitionId }, select: { threshold: true, thresholdReachedOn: true, milestoneReached: true } }).then((p) =>
      p ? { threshold: p.threshold, reached: p.thresholdReachedOn !== null, milestone: p.milestoneReached } : null,
    ));
  if (!state) return total;
  if (!state.reached && total >= state.threshold) {
    await db.petition.updateMany({ where: { id: petitionId, thresholdReachedOn: null, status: "PUBLISHED" }, data: { thresholdReachedOn: chinaToday() } });
  }
  const crossed = MILESTONES.filter((m) => total >= m && m > state.milestone);
  if (crossed.length > 0) {
    await db.petitionMilestone.createMany({ data: crossed.map((signatures) => ({ petitionId, signatures })), skipDuplicates: true });
    await db.petition.updateMany({ where: { id: petitionId, milestoneReached: { lt: Math.max(...crossed) } }, data: { milestoneReached: Math.max(...crossed) } });
  }
  return total;
}
