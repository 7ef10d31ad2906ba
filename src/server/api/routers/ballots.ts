import { createTRPCRouter, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { ballotSchema } from "~/features/ballots/schema";
import { castBallot } from "~/features/ballots/mutations";
import { getCampaignFigures, getMyBallot } from "~/features/ballots/data";
import { consume } from "~/server/rate-limit";

export const ballotsRouter = createTRPCRouter({
  cast: workerProcedure.input(ballotSchema).mutation(async ({ ctx, input }) => {
    await consume("vote", ctx.addressKey, ctx.account.accountId);
    return castBallot(ctx.account.accountId, input.campaignId, input.demandIds);
  }),

  mine: workerProcedure.input(campaignIdSchema).query(({ ctx, input }) => getMyBallot(ctx.account.accountId, input.campaignId)),

  /**
   * The same for everyone, the campaign's organisers included: the turnout in steps of 5 while
   * voting is open, the exact tally once closed (issue 12).
   */
  results: publicProcedure.input(campaignIdSchema).query(({ input }) => getCampaignFigures(input.campaignId)),
});
