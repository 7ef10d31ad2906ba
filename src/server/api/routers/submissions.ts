import { createTRPCRouter, organiserProcedure, publicProcedure } from "~/server/api/trpc";
import { campaignRefSchema, draftSchema, previewSchema, publishSchema, submissionRefSchema } from "~/features/submissions/schema";
import { getPublishedVersion, getSubmissionDesk, listPublishedSubmissions, listUnionCampaignSubmissions } from "~/features/submissions/data";
import { previewSubmission } from "~/features/submissions/compile";
import { publishSubmission, saveDraft } from "~/features/submissions/mutations";
import { consume } from "~/server/rate-limit";
import { chinaToday } from "~/lib/days";

export const submissionsRouter = createTRPCRouter({
  /** Published submissions with their answer status; never a draft. */
  list: publicProcedure.query(() => listPublishedSubmissions(chinaToday())),

  /** A published version's stored document (the latest unless `version` is given). */
  get: publicProcedure.input(submissionRefSchema).query(({ input }) => getPublishedVersion(input.submissionId, input.version)),

  /** The organiser's union's campaigns and the state of their submissions. */
  mine: organiserProcedure.query(({ ctx }) => listUnionCampaignSubmissions(ctx.unionId)),

  desk: organiserProcedure.input(campaignRefSchema).query(({ ctx, input }) => getSubmissionDesk(ctx.unionId, input.campaignId)),

  /** The document as publishing it today would store it, compiled live. */
  preview: organiserProcedure.input(previewSchema).query(({ ctx, input }) => previewSubmission(ctx.unionId, input.campaignId, chinaToday(), { scorecards: input.scorecards })),

  saveDraft: organiserProcedure.input(draftSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    return saveDraft(ctx.unionId, input);
  }),

  publish: organiserProcedure.input(publishSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    return publishSubmission(ctx.unionId, input, chinaToday());
  }),
});
