import { z } from "zod";

// Shared by forms and procedures. `.strict()` rejects extra fields (PRIVACY.md P7).

export const PETITION_LIMITS = {
  title: 120,
  ask: 1000,
  reason: 3000,
  targetName: 120,
  comment: 280,
  reply: 5000,
  rejection: 1000,
} as const;

/** Sponsors a petition needs before it goes to moderation (UK Parliament model). */
export const SPONSORS_NEEDED = 5;
export const DEFAULT_DURATION_DAYS = 90;
export const DEFAULT_THRESHOLD = 1000;
export const MILESTONES = [100, 1000, 10000] as const;

const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
export const petitionIdSchema = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

export const startPetitionSchema = z
  .object({
    title: text(PETITION_LIMITS.title, 8),
    ask: text(PETITION_LIMITS.ask, 10),
    reason: text(PETITION_LIMITS.reason, 10),
    target: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("PLATFORM"), platformId: petitionIdSchema }).strict(),
      z.object({ kind: z.literal("UNION"), unionId: petitionIdSchema }).strict(),
      z.object({ kind: z.literal("OTHER"), name: text(PETITION_LIMITS.targetName, 2) }).strict(),
    ]),
    durationDays: z.number().int().min(7).max(365).default(DEFAULT_DURATION_DAYS),
    campaignId: petitionIdSchema.optional(),
  })
  .strict();
export type StartPetitionInput = z.infer<typeof startPetitionSchema>;

export const byIdSchema = z.object({ petitionId: petitionIdSchema }).strict();

export const sponsorSchema = z.object({ petitionId: petitionIdSchema, token: z.string().min(10).max(80) }).strict();

export const signSchema = z
  .object({ petitionId: petitionIdSchema, comment: z.string().trim().max(PETITION_LIMITS.comment).optional() })
  .strict();

export const moderateSchema = z.discriminatedUnion("decision", [
  z.object({ petitionId: petitionIdSchema, decision: z.literal("PUBLISH"), threshold: z.number().int().min(1).max(10_000_000).optional() }).strict(),
  z.object({ petitionId: petitionIdSchema, decision: z.literal("REJECT"), reason: text(PETITION_LIMITS.rejection, 5) }).strict(),
]);
export type ModerateInput = z.infer<typeof moderateSchema>;

export const verifiedOnlySchema = z.object({ petitionId: petitionIdSchema, verifiedOnly: z.boolean() }).strict();

export const thresholdSchema = z.object({ petitionId: petitionIdSchema, threshold: z.number().int().min(1).max(10_000_000) }).strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "date");

export const deliverySchema = z
  .object({ petitionId: petitionIdSchema, deliveredTo: text(PETITION_LIMITS.targetName, 2), deliveredOn: isoDate })
  .strict();

export const answerSchema = z.object({ petitionId: petitionIdSchema, text: text(PETITION_LIMITS.reply, 10) }).strict();

export const commentModerationSchema = z
  .object({ signatureId: petitionIdSchema, decision: z.enum(["APPROVED", "REJECTED"]) })
  .strict();

export const listSchema = z
  .object({ filter: z.enum(["open", "awaiting", "answered", "closed", "rejected"]).default("open"), platformSlug: z.string().regex(/^[a-z0-9-]{2,40}$/).optional() })
  .strict();
