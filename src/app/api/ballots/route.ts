import { writeRoute } from "~/server/api/write-route";
import { ballotSchema } from "~/features/ballots/schema";
import { castBallot } from "~/features/ballots/mutations";

/** Cast or change a ballot: the hot write of a campaign, outside tRPC (see write-route.ts). */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: ballotSchema,
  limit: "vote",
  run: (account, input) => castBallot(account.accountId, input.campaignId, input.demandIds),
});
