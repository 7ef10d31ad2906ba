import { z } from "zod";

export const followSchema = z.object({ campaignId: z.string().min(1).max(40), follow: z.boolean() }).strict();
export const deleteNotificationsSchema = z.object({ ids: z.union([z.array(z.string().min(1).max(40)).max(100), z.literal("all")]) }).strict();
