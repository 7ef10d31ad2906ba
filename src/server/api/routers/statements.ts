import { createTRPCRouter, platformRepProcedure, statementModeratorProcedure } from "~/server/api/trpc";
import { listPlatformStatements, listStatementsToModerate } from "~/features/statements/data";
import { moderateStatement, submitStatement } from "~/features/statements/mutations";
import { moderateStatementSchema, submitStatementSchema } from "~/features/statements/schema";
import { consume } from "~/server/rate-limit";

// Platforms' statements on their scorecard (issue 16). The platform is always the
// representative's own, from the session; the public reads them in a server component
// (src/features/scorecard/components/platform-statements.tsx), approved ones only.
export const statementsRouter = createTRPCRouter({
  mine: platformRepProcedure.query(({ ctx }) => listPlatformStatements(ctx.platformId)),

  submit: platformRepProcedure.input(submitStatementSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.addressKey, ctx.account.accountId);
    return submitStatement({ platformId: ctx.platformId, authorId: ctx.account.accountId }, input);
  }),

  queue: statementModeratorProcedure.query(({ ctx }) => listStatementsToModerate(ctx.moderator)),

  moderate: statementModeratorProcedure.input(moderateStatementSchema).mutation(({ ctx, input }) => moderateStatement(ctx.moderator, ctx.account.accountId, input)),
});
