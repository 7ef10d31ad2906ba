import { z } from "zod";
import { ballotSchema } from "~/features/ballots/schema";

const b64 = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/);

/** Issuance (signed in): the blinded message, 256 bytes as base64url (342 characters). */
export const issueTokenSchema = z.object({ campaignId: z.string().min(1).max(40), blindedMsg: b64(400) }).strict();

/**
 * A token ballot (no session): the unblinded token (the prepared message and its signature),
 * the change secret only the phone holds (32 random bytes) and the ranking.
 */
export const tokenBallotSchema = ballotSchema
  .extend({ token: b64(800), signature: b64(400), secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
  .strict();
export type TokenBallotInput = z.infer<typeof tokenBallotSchema>;
