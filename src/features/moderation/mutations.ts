import "server-only";
import { db } from "~/server/db";
import { isForeignKeyViolation } from "~/server/db/errors";
import { AppError } from "~/lib/app-error";
import { OTHER_SCOPE } from "~/features/moderation/policy";
import type { AssignModerationInput } from "~/features/moderation/schema";

/** An admin names the union that moderates a platform (or "OTHER"); one row per scope. */
export async function assignModeration({ scope, unionId }: AssignModerationInput) {
  const platformId = scope === OTHER_SCOPE ? null : scope;
  if (platformId && !(await db.platform.findUnique({ where: { id: platformId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  if (unionId && !(await db.union.findUnique({ where: { id: unionId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  if (unionId === null) {
    await db.moderationAssignment.deleteMany({ where: { scope } });
    return { ok: true as const };
  }
  try {
    // One statement, so two admins saving at once leave one row rather than a unique violation.
    await db.$executeRaw`INSERT INTO "ModerationAssignment" ("scope", "platformId", "unionId") VALUES (${scope}, ${platformId}, ${unionId})
      ON CONFLICT ("scope") DO UPDATE SET "unionId" = EXCLUDED."unionId"`;
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new AppError("NOT_FOUND");
    throw err;
  }
  return { ok: true as const };
}
