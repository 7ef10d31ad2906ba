import { z } from "zod";

// The bound here only caps the payload; the ballot rules (at most 5, no repeats) are checked in
// castBallot so each breach gets its own translated error.
export const ballotSchema = z
  .object({ campaignId: z.string().min(1).max(40), demandIds: z.array(z.string().min(1).max(40)).min(1).max(20) })
  .strict();
