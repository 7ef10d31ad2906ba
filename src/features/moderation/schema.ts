import { z } from "zod";

/** A platform's id or "OTHER"; a null union removes the assignment. */
export const assignModerationSchema = z
  .object({ scope: z.string().min(1).max(40), unionId: z.string().min(1).max(40).nullable() })
  .strict();
export type AssignModerationInput = z.infer<typeof assignModerationSchema>;
