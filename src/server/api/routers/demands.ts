import { z } from "zod";
import { createTRPCRouter, organiserProcedure, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { campaignIdSchema } from "~/features/campaigns/schema";
import { demandIdSchema, editDemandSchema, mergeSchema, proposeSchema, rejectSchema } from "~/features/demands/schema";
import { listDemandsForUnion, listDemandsForWorker, listMyProposals } from "~/features/demands/data";
import { addDemandAsOrganiser, approveDemand, editDemand, mergeDemands, proposeDemand, rejectDemand, setSupport } from "~/features/demands/mutations";
import { consume } from "~/server/rate-limit";

const supportSchema = z.object({ demandId: z.string().min(1).max(40), support: z.boolean() }).strict();

export const demandsRouter = createTRPCRouter({
  list: publicProcedure.input(campaignIdSchema).query(({ input }) => listDemandsForWorker(input.campaignId)),

  mine: workerProcedure.input(campaignIdSchema).query(({ ctx, input }) => listMyProposals(input.campaignId, ctx.account.accountId)),

  propose: workerProcedure.input(proposeSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.addressKey, ctx.account.accountId);
    const { campaignId, ...fields } = input;
    return proposeDemand(ctx.account.accountId, campaignId, fields);
  }),

  support: workerProcedure.input(supportSchema).mutation(async ({ ctx, input }) => {
    await consume("vote", ctx.addressKey, ctx.account.accountId);
    return setSupport(ctx.account.accountId, input.demandId, input.support);
  }),

  forUnion: organiserProcedure.input(campaignIdSchema).query(({ ctx, input }) => listDemandsForUnion(ctx.unionId, input.campaignId)),

  add: organiserProcedure.input(proposeSchema).mutation(({ ctx, input }) => {
    const { campaignId, ...fields } = input;
    return addDemandAsOrganiser(ctx.unionId, campaignId, fields);
  }),

  approve: organiserProcedure.input(demandIdSchema).mutation(({ ctx, input }) => approveDemand(ctx.unionId, input.demandId)),

  edit: organiserProcedure.input(editDemandSchema).mutation(({ ctx, input }) => {
    const { demandId, ...fields } = input;
    return editDemand(ctx.unionId, demandId, fields);
  }),

  reject: organiserProcedure.input(rejectSchema).mutation(({ ctx, input }) => rejectDemand(ctx.unionId, input.demandId, input.reason)),

  merge: organiserProcedure.input(mergeSchema).mutation(async ({ ctx, input }) => {
    // The exact merged count stays on the server; pages read it through the k=5 query layer.
    await mergeDemands(ctx.unionId, input.campaignId, input.sourceIds, input.targetId);
    return { ok: true as const };
  }),
});
