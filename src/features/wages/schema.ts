import { z } from "zod";
import { CITIES } from "~/lib/taxonomy";

export const WAGE_KINDS = ["MINIMUM_PART_TIME_HOURLY", "LIVING_HOURLY"] as const;
/** Cities with a wage of their own: "other" is no one city, so it never has one. */
export const WAGE_CITIES = CITIES.filter((c) => c !== "other");

export const addWageInput = z
  .object({
    kind: z.enum(WAGE_KINDS),
    city: z.enum(WAGE_CITIES as [string, ...string[]]),
    /** Yuan per hour, to the fen. */
    hourlyYuan: z.number().min(1).max(500).multipleOf(0.01),
    effectiveFrom: z.iso.date(),
    source: z.string().trim().min(4).max(300),
  })
  .strict();
export type AddWageInput = z.infer<typeof addWageInput>;
export type WageKindCode = (typeof WAGE_KINDS)[number];
