import { z } from "zod";
import { DEMAND_CATEGORIES } from "~/lib/taxonomy";

const id = z.string().min(1).max(40);

export const demandFields = {
  title: z.string().trim().min(3).max(120),
  text: z.string().trim().min(10).max(1000),
  category: z.enum(DEMAND_CATEGORIES),
};

export const proposeSchema = z.object({ campaignId: id, ...demandFields }).strict();
export type ProposeInput = z.infer<typeof proposeSchema>;

export const demandIdSchema = z.object({ demandId: id }).strict();

export const editDemandSchema = z.object({ demandId: id, ...demandFields }).strict();

export const rejectSchema = z.object({ demandId: id, reason: z.string().trim().min(3).max(500) }).strict();

export const mergeSchema = z
  .object({ campaignId: id, sourceIds: z.array(id).min(1).max(20), targetId: id })
  .strict()
  .refine((v) => !v.sourceIds.includes(v.targetId), { message: "MERGE_SELF", path: ["sourceIds"] });
