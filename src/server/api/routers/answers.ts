import { createTRPCRouter, organiserProcedure, platformRepProcedure, publicProcedure } from "~/server/api/trpc";
import { answerInputSchema, submissionIdSchema } from "~/features/answers/schema";
import { getAnswerDesk, getPublicAnswers, listPlatformInbox } from "~/features/answers/data";
import { saveAnswer } from "~/features/answers/mutations";
import { chinaToday } from "~/lib/days";
import { consume } from "~/server/rate-limit";

// The party answering is always the caller's own platform or union, from the session (P7).
export const answersRouter = createTRPCRouter({
  inbox: platformRepProcedure.query(({ ctx }) => listPlatformInbox(ctx.platformId)),

  platformDesk: platformRepProcedure.input(submissionIdSchema).query(({ ctx, input }) => getAnswerDesk(input.submissionId, { kind: "PLATFORM", platformId: ctx.platformId })),

  answerAsPlatform: platformRepProcedure.input(answerInputSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.addressKey, ctx.account.accountId);
    return saveAnswer({ kind: "PLATFORM", platformId: ctx.platformId }, ctx.account.accountId, input, chinaToday());
  }),

  unionDesk: organiserProcedure.input(submissionIdSchema).query(({ ctx, input }) => getAnswerDesk(input.submissionId, { kind: "UNION", unionId: ctx.unionId })),

  answerAsUnion: organiserProcedure.input(answerInputSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.addressKey, ctx.account.accountId);
    return saveAnswer({ kind: "UNION", unionId: ctx.unionId }, ctx.account.accountId, input, chinaToday());
  }),

  /** Published answers only; null when the submission is not published. */
  public: publicProcedure.input(submissionIdSchema).query(({ input }) => getPublicAnswers(input.submissionId, chinaToday())),
});
