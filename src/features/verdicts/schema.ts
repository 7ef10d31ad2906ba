import { z } from "zod";
import { VERDICT_VALUES } from "~/features/verdicts/outcome";

const id = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

export const giveVerdictSchema = z.object({ answerId: id, value: z.enum(VERDICT_VALUES) }).strict();
export type GiveVerdictInput = z.infer<typeof giveVerdictSchema>;
