import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { chinaToday } from "~/lib/days";
import { refusePii } from "~/lib/pii/refuse";
import { statementsModeratedBy, type StatementModerator } from "~/features/moderation/policy";
import type { ModerateStatementInput, SubmitStatementInput } from "~/features/statements/schema";

/**
 * A platform representative attaches a statement to one principle of their own platform's
 * scorecard. Text and evidence are scanned as answers are: personal data is refused and nothing
 * is stored. It waits for moderation before anyone else sees it.
 */
export async function submitStatement({ platformId, authorId }: { platformId: string; authorId: string }, input: SubmitStatementInput, today = chinaToday()) {
  refusePii(input.text, input.evidence);
  const row = await db.platformStatement.create({
    data: { platformId, principle: input.principle, text: input.text, evidence: input.evidence, authorId, submittedOn: today },
    select: { id: true },
  });
  return { id: row.id, status: "PENDING" as const };
}

/**
 * Approves or rejects a pending statement in the moderator's scope, in one conditional update:
 * of two moderators deciding at once one wins and the other gets CONFLICT; a statement outside
 * the scope is NOT_FOUND and nothing changes.
 */
export async function moderateStatement(moderator: StatementModerator, moderatorId: string, input: ModerateStatementInput, today = chinaToday()) {
  const reason = input.decision === "REJECTED" && input.reason ? input.reason : null;
  refusePii(reason);
  const scope = { id: input.statementId, ...statementsModeratedBy(moderator) };
  const { count } = await db.platformStatement.updateMany({
    where: { ...scope, status: "PENDING" },
    data: { status: input.decision, moderatedById: moderatorId, moderatedOn: today, rejectionReason: reason },
  });
  if (count === 1) return { ok: true as const };
  const exists = await db.platformStatement.findFirst({ where: scope, select: { id: true } });
  throw new AppError(exists ? "CONFLICT" : "NOT_FOUND");
}
