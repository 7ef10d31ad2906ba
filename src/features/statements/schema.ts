import { z } from "zod";
import { PRINCIPLES } from "~/features/scorecard/method";

// Shared by the statement forms and their procedures. `.strict()` refuses smuggled fields such as
// a platformId or a status: the platform always comes from the session (PRIVACY.md P7).

export const STATEMENT_TEXT_MAX = 2000;
export const STATEMENT_EVIDENCE_MAX = 1000;
export const REASON_MAX = 300;
export const DECISIONS = ["APPROVED", "REJECTED"] as const;
export type StatementStatus = "PENDING" | (typeof DECISIONS)[number];

export const submitStatementSchema = z
  .object({
    principle: z.enum(PRINCIPLES),
    text: z.string().trim().min(10).max(STATEMENT_TEXT_MAX),
    evidence: z.string().trim().min(4).max(STATEMENT_EVIDENCE_MAX),
  })
  .strict();
export type SubmitStatementInput = z.infer<typeof submitStatementSchema>;

export const moderateStatementSchema = z
  .object({
    statementId: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
    decision: z.enum(DECISIONS),
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .strict();
export type ModerateStatementInput = z.infer<typeof moderateStatementSchema>;
