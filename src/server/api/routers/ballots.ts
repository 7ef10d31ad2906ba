import { createTRPCRouter, organiserProcedure, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { ballotSchema } from "~/features/ballots/schema";
import { castBallot } from "~/features/ballots/mutations";
import { getMyBallot, getResults } from "~/features/ballots/data";
import { getCampaign, getUnionCampaign } from "~/features/campaigns/data";
import { resultsVisible } from "~/features/campaigns/policy";
import { consume } from "~/server/rate-limit";

export const ballotsRouter = createTRPCRouter({
  cast: workerProcedure.input(ballotSchema).mutation(async ({ ctx, input }) => {
    await consume("vote", ctx.addressKey, ctx.account.accountId);
    return castBallot(ctx.account.accountId, input.campaignId, input.demandIds);
  }),

  mine: workerProcedure.input(campaignIdSchema).query(({ ctx, input }) => getMyBallot(ctx.account.accountId, input.campaignId)),

  /** Workers and the public see results when the organiser's choice allows. */
  results: publicProcedure.input(campaignIdSchema).query(async ({ input }) => {
    const campaign = await getCampaign(input.campaignId);
    return resultsVisible(campaign, "worker") ? { visible: true as const, results: await getResults(input.campaignId) } : { visible: false as const };
  }),

  resultsForUnion: organiserProcedure.input(campaignIdSchema).query(async ({ ctx, input }) => {
    const campaign = await getUnionCampaign(ctx.unionId, input.campaignId);
    return resultsVisible(campaign, "organiser") ? { visible: true as const, results: await getResults(input.campaignId) } : { visible: false as const };
  }),
});
