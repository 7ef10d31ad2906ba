import { createTRPCRouter, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { getCampaignFigures, getMyBallot } from "~/features/ballots/data";

export const ballotsRouter = createTRPCRouter({
  // Casting is POST /api/ballots (src/app/api/ballots/route.ts), declared there only.
  mine: workerProcedure.input(campaignIdSchema).query(({ ctx, input }) => getMyBallot(ctx.account.accountId, input.campaignId)),

  /**
   * The same for everyone, the campaign's organisers included: the turnout in steps of 5 while
   * voting is open, the exact tally once closed (issue 12).
   */
  results: publicProcedure.input(campaignIdSchema).query(({ input }) => getCampaignFigures(input.campaignId)),
});
