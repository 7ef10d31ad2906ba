import { createTRPCRouter, organiserProcedure, workerProcedure } from "~/server/api/trpc";
import { moderateInput, reportIdInput, reportInput, updateReportInput } from "~/features/reports/schema";
import { deleteReport, moderateNarrative, submitReport, updateReport } from "~/features/reports/mutations";
import { getMyReport, listMyReports, listPendingNarratives, listPlatformOptions } from "~/features/reports/data";
import { consume } from "~/server/rate-limit";

export const reportsRouter = createTRPCRouter({
  submit: workerProcedure.input(reportInput).mutation(async ({ ctx, input }) => {
    await consume("report", ctx.addressKey, ctx.account.accountId);
    return submitReport({ accountId: ctx.account.accountId, input });
  }),

  update: workerProcedure.input(updateReportInput).mutation(async ({ ctx, input }) => {
    await consume("report", ctx.addressKey, ctx.account.accountId);
    return updateReport({ accountId: ctx.account.accountId, id: input.id, input: input.report });
  }),

  remove: workerProcedure.input(reportIdInput).mutation(({ ctx, input }) => deleteReport({ accountId: ctx.account.accountId, id: input.id })),

  mine: workerProcedure.query(({ ctx }) => listMyReports(ctx.account.accountId)),

  get: workerProcedure.input(reportIdInput).query(({ ctx, input }) => getMyReport(ctx.account.accountId, input.id)),

  platforms: workerProcedure.query(() => listPlatformOptions()),

  pendingNarratives: organiserProcedure.query(({ ctx }) => listPendingNarratives(ctx.unionId)),

  moderate: organiserProcedure.input(moderateInput).mutation(({ ctx, input }) => moderateNarrative({ unionId: ctx.unionId, ...input })),
});
