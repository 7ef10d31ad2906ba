import { createTRPCRouter, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { getPublishedTokenCounts, getTokenStatus } from "~/features/tokens/data";
import { ensureCampaignKey } from "~/features/tokens/mutations";

export const tokensRouter = createTRPCRouter({
  /** What the campaign page needs to get a token: the key to blind against, the profile, whether one was issued. */
  status: workerProcedure.input(campaignIdSchema).query(async ({ ctx, input }) => {
    const key = await ensureCampaignKey(input.campaignId);
    return key ? { publicKey: key.publicKey, ...(await getTokenStatus(ctx.account.accountId, input.campaignId)) } : null;
  }),

  /** Published beside the results: the campaign's public key and tokens issued and spent. */
  published: publicProcedure.input(campaignIdSchema).query(({ input }) => getPublishedTokenCounts(input.campaignId)),
});
