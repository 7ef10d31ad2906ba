import { z } from "zod";

export const MAX_CODE_DAYS = 14;

export const createCodesSchema = z.object({ count: z.number().int().min(1).max(50), days: z.number().int().min(1).max(MAX_CODE_DAYS) }).strict();
export const redeemSchema = z.object({ code: z.string().trim().min(1).max(60) }).strict();
