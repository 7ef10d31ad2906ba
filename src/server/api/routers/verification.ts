import { createTRPCRouter, organiserProcedure, workerProcedure } from "~/server/api/trpc";
import { createCodesSchema, redeemSchema } from "~/features/verification/schema";
import { issueInviteCodes, redeemInviteCode } from "~/features/verification/mutations";
import { inviteCodeStats, verifiedUnionIds } from "~/features/verification/data";
import { consume } from "~/server/rate-limit";
import { env } from "~/env";

export const verificationRouter = createTRPCRouter({
  createCodes: organiserProcedure.input(createCodesSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    return issueInviteCodes(ctx.unionId, input.count, input.days, env.NEXTAUTH_URL ?? "http://localhost:3000");
  }),

  mine: workerProcedure.query(({ ctx }) => verifiedUnionIds(ctx.account.accountId)),

  stats: organiserProcedure.query(({ ctx }) => inviteCodeStats(ctx.unionId)),

  redeem: workerProcedure.input(redeemSchema).mutation(async ({ ctx, input }) => {
    await consume("redeem", ctx.addressKey, ctx.account.accountId);
    return redeemInviteCode(ctx.account.accountId, input.code);
  }),
});
