import { z } from "zod";

// Shared by the answer form and its procedures. `.strict()` rejects smuggled fields such as a
// platformId or partyId: the party always comes from the session (PRIVACY.md P7).

export const ANSWER_STATUSES = ["ACCEPTED", "PARTLY_ACCEPTED", "NEGOTIATING", "REJECTED"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** Accepted and partly accepted answers are commitments: they carry a date workers can check. */
export const COMMITMENTS: readonly AnswerStatus[] = ["ACCEPTED", "PARTLY_ACCEPTED"];
export const isCommitment = (status: string) => (COMMITMENTS as readonly string[]).includes(status);

export const ANSWER_TEXT_MAX = 2000;
/** A promise further out than this is not a date anyone can hold a party to. */
export const DUE_MAX_YEARS = 5;

const id = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

export const submissionIdSchema = z.object({ submissionId: id }).strict();

export const answerInputSchema = z
  .object({
    submissionId: id,
    itemId: id,
    status: z.enum(ANSWER_STATUSES),
    text: z.string().trim().min(1).max(ANSWER_TEXT_MAX),
    /** "YYYY-MM-DD"; required for commitments and refused otherwise (checked with a clear error). */
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  })
  .strict();
export type AnswerInput = z.infer<typeof answerInputSchema>;
