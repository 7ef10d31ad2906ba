import { createTRPCRouter, organiserProcedure, publicProcedure } from "~/server/api/trpc";
import { campaignIdSchema, campaignInputSchema, setPhaseSchema, updateCampaignSchema } from "~/features/campaigns/schema";
import { getCampaign, getUnionCampaign, listCampaigns, listCampaignsForUnion } from "~/features/campaigns/data";
import { createCampaign, setPhase, updateCampaign } from "~/features/campaigns/mutations";
import { consume } from "~/server/rate-limit";

export const campaignsRouter = createTRPCRouter({
  list: publicProcedure.query(() => listCampaigns()),

  get: publicProcedure.input(campaignIdSchema).query(({ input }) => getCampaign(input.campaignId)),

  mine: organiserProcedure.query(({ ctx }) => listCampaignsForUnion(ctx.unionId)),

  getForUnion: organiserProcedure.input(campaignIdSchema).query(({ ctx, input }) => getUnionCampaign(ctx.unionId, input.campaignId)),

  create: organiserProcedure.input(campaignInputSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    return createCampaign(ctx.unionId, input);
  }),

  update: organiserProcedure.input(updateCampaignSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    await updateCampaign(ctx.unionId, input.campaignId, input.campaign);
    return { ok: true as const };
  }),

  setPhase: organiserProcedure.input(setPhaseSchema).mutation(({ ctx, input }) => setPhase(ctx.unionId, input.campaignId, input.phase)),
});
