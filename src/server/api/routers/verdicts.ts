import { createTRPCRouter, workerProcedure } from "~/server/api/trpc";
import { submissionIdSchema } from "~/features/answers/schema";
import { giveVerdictSchema } from "~/features/verdicts/schema";
import { getMyVerdicts } from "~/features/verdicts/data";
import { giveVerdict } from "~/features/verdicts/mutations";
import { chinaToday } from "~/lib/days";
import { consume } from "~/server/rate-limit";

// Workers only: staff and platform representatives cannot judge commitments (P7).
export const verdictsRouter = createTRPCRouter({
  mine: workerProcedure.input(submissionIdSchema).query(({ ctx, input }) => getMyVerdicts(ctx.account.accountId, input.submissionId, chinaToday())),

  give: workerProcedure.input(giveVerdictSchema).mutation(async ({ ctx, input }) => {
    await consume("vote", ctx.addressKey, ctx.account.accountId);
    return giveVerdict(ctx.account.accountId, input.answerId, input.value, chinaToday());
  }),
});
