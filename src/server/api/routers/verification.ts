import { createTRPCRouter, organiserProcedure, workerProcedure } from "~/server/api/trpc";
import { createCodesSchema, redeemSchema } from "~/features/verification/schema";
import { createInviteCodes, redeemInviteCode } from "~/features/verification/mutations";
import { inviteCodeStats } from "~/features/verification/data";
import { consume } from "~/server/rate-limit";

export const verificationRouter = createTRPCRouter({
  createCodes: organiserProcedure.input(createCodesSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    return createInviteCodes(ctx.unionId, input.count, input.days);
  }),

  stats: organiserProcedure.query(({ ctx }) => inviteCodeStats(ctx.unionId)),

  redeem: workerProcedure.input(redeemSchema).mutation(async ({ ctx, input }) => {
    await consume("redeem", ctx.addressKey, ctx.account.accountId);
    return redeemInviteCode(ctx.account.accountId, input.code);
  }),
});
