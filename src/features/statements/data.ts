import "server-only";
import { cache } from "react";
import { db } from "~/server/db";
import { statementsModeratedBy, type StatementModerator } from "~/features/moderation/policy";
import type { Principle } from "~/features/scorecard/method";
import type { StatementStatus } from "~/features/statements/schema";

const LIMIT = 100;

/**
 * The platform's approved statements, newest approval first, with its names; null for an unknown
 * slug. Cached per render, so a page showing them per principle reads them once.
 */
export const getPublicStatements = cache(async (platformSlug: string) => {
  const platform = await db.platform.findUnique({ where: { slug: platformSlug }, select: { id: true, nameZh: true, nameEn: true } });
  if (!platform) return null;
  const rows = await db.platformStatement.findMany({
    where: { platformId: platform.id, status: "APPROVED" },
    orderBy: [{ moderatedOn: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, principle: true, text: true, evidence: true, moderatedOn: true },
  });
  return { platform, statements: rows.map((r) => ({ ...r, principle: r.principle as Principle, shownOn: r.moderatedOn! })) };
});

/** Every statement of the representative's own platform, whoever of its staff wrote it, newest first. */
export async function listPlatformStatements(platformId: string) {
  const rows = await db.platformStatement.findMany({
    where: { platformId },
    orderBy: [{ submittedOn: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, principle: true, text: true, evidence: true, status: true, submittedOn: true, rejectionReason: true },
  });
  return rows.map((r) => ({ ...r, principle: r.principle as Principle, status: r.status as StatementStatus }));
}

/** Statements waiting for this moderator (their union's platforms; every one for an admin), oldest first. */
export async function listStatementsToModerate(moderator: StatementModerator) {
  const rows = await db.platformStatement.findMany({
    where: { status: "PENDING", ...statementsModeratedBy(moderator) },
    orderBy: [{ submittedOn: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, principle: true, text: true, evidence: true, submittedOn: true, platform: { select: { nameZh: true, nameEn: true } } },
  });
  return rows.map((r) => ({ ...r, principle: r.principle as Principle }));
}
