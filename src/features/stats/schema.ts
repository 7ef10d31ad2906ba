import { z } from "zod";
import { CITIES, SECTORS } from "~/lib/taxonomy";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * The reports a scoped statistic covers (a campaign's scope and period): empty lists mean no
 * restriction; months are "YYYY-MM", both ends included.
 */
export const conditionsScope = z
  .object({
    platformSlugs: z.array(z.string().min(1).max(64)).max(100),
    sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
    cities: z.array(z.enum(CITIES)).max(CITIES.length),
    from: month,
    to: month,
  })
  .refine((s) => s.from <= s.to, { path: ["to"] });
export type ConditionsScope = z.input<typeof conditionsScope>;
