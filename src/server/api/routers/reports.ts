import { createTRPCRouter, organiserProcedure, workerProcedure } from "~/server/api/trpc";
import { moderateInput, reportIdInput } from "~/features/reports/schema";
import { deleteReport, moderateNarrative } from "~/features/reports/mutations";
import { getMyReport, listMyReports, listPendingNarratives, listPlatformOptions } from "~/features/reports/data";

export const reportsRouter = createTRPCRouter({
  // Filing and correcting are POST /api/reports and /api/reports/update (src/app/api/reports).
  remove: workerProcedure.input(reportIdInput).mutation(({ ctx, input }) => deleteReport({ accountId: ctx.account.accountId, id: input.id })),

  mine: workerProcedure.query(({ ctx }) => listMyReports(ctx.account.accountId)),

  get: workerProcedure.input(reportIdInput).query(({ ctx, input }) => getMyReport(ctx.account.accountId, input.id)),

  platforms: workerProcedure.query(() => listPlatformOptions()),

  pendingNarratives: organiserProcedure.query(({ ctx }) => listPendingNarratives(ctx.unionId)),

  moderate: organiserProcedure.input(moderateInput).mutation(({ ctx, input }) => moderateNarrative({ unionId: ctx.unionId, ...input })),
});
