import { z } from "zod";
import { CITIES, SECTORS } from "~/lib/taxonomy";

// Shared by the organiser's form and the procedures. `.strict()` rejects fields such as
// `unionId`: the union always comes from the organiser's session.

// A calendar day that exists: "2026-33-84" matched a bare pattern and reached Prisma as an
// Invalid Date, a 500 (found by the fuzzer, issue 14).
const day = z.iso.date({ error: "DATE_FORMAT" });
const slug = z.string().regex(/^[a-z0-9-]{2,40}$/);

export const campaignInputSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    description: z.string().trim().min(10).max(4000),
    scopePlatformSlugs: z.array(slug).max(20).default([]),
    scopeSectors: z.array(z.enum(SECTORS)).max(SECTORS.length).default([]),
    scopeCities: z.array(z.enum(CITIES)).max(CITIES.length).default([]),
    targetPlatformSlugs: z.array(slug).max(20).default([]),
    targetsUnion: z.boolean().default(false),
    targetGovernment: z.string().trim().max(120).default(""),
    proposingFrom: day,
    votingFrom: day,
    closesOn: day,
    verifiedOnly: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.proposingFrom <= v.votingFrom && v.votingFrom <= v.closesOn, { message: "DATE_ORDER", path: ["closesOn"] });
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignIdSchema = z.object({ campaignId: z.string().min(1).max(40) }).strict();

export const updateCampaignSchema = z.object({ campaignId: z.string().min(1).max(40), campaign: campaignInputSchema }).strict();

export const PHASES = ["PROPOSING", "VOTING", "CLOSED"] as const;
export type Phase = (typeof PHASES)[number];

export const setPhaseSchema = z.object({ campaignId: z.string().min(1).max(40), phase: z.enum(PHASES) }).strict();
