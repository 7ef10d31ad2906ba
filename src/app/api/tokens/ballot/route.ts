import { openWriteRoute } from "~/server/api/write-route";
import { tokenBallotSchema } from "~/features/tokens/schema";
import { castTokenBallot } from "~/features/tokens/ballot/mutations";

/**
 * A ballot of a verified-only campaign, cast or changed with an unblinded token and no session
 * (PRIVACY.md P6): the hot write of such a campaign, called directly by serve.mjs.
 */
export const POST = openWriteRoute({ input: tokenBallotSchema, limit: "vote", run: castTokenBallot });
