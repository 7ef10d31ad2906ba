import { z } from "zod";

// Shared by the organiser's editor and the procedures. `.strict()` rejects smuggled fields such
// as `unionId`: the union always comes from the organiser's session.

const id = z.string().min(1).max(40);

export const campaignRefSchema = z.object({ campaignId: id }).strict();

/**
 * The organiser's preview. `scorecards`: compile the addressed platforms' scorecards whatever the
 * draft says, so the editor's toggle shows or hides them in place (draft-preview.tsx).
 */
export const previewSchema = campaignRefSchema.extend({ scorecards: z.boolean().optional() }).strict();

export const draftSchema = z
  .object({
    campaignId: id,
    coverLetter: z.string().max(10_000),
    responseDays: z.number().int().min(7).max(180),
    changelog: z.string().trim().max(2000).default(""),
    /** Include the addressed platforms' scorecards in the compiled document (issue 16). */
    includeScorecard: z.boolean().optional(),
  })
  .strict();
export type DraftInput = z.infer<typeof draftSchema>;

/**
 * Publishing sends the editor's content and the version the organiser was looking at: the
 * server publishes version `expectedVersion + 1` only while the submission is still there.
 */
export const publishSchema = draftSchema
  .extend({ coverLetter: z.string().trim().min(10).max(10_000), expectedVersion: z.number().int().min(0).max(10_000) })
  .strict();
export type PublishInput = z.infer<typeof publishSchema>;

export const submissionRefSchema = z.object({ submissionId: id, version: z.number().int().positive().max(10_000).optional() }).strict();
