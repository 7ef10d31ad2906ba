import { createTRPCRouter, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { profileSchema } from "~/features/accounts/schema";
import { createWorkerAccount, updateWorkerProfile } from "~/features/accounts/mutations";
import { getWorkerProfile, listPlatforms } from "~/features/accounts/data";
import { consume } from "~/server/rate-limit";

export const accountsRouter = createTRPCRouter({
  create: publicProcedure.mutation(async ({ ctx }) => {
    await consume("createAccount", ctx.addressKey);
    return createWorkerAccount();
  }),

  me: publicProcedure.query(({ ctx }) =>
    ctx.account ? { role: ctx.account.role, pseudonym: ctx.account.pseudonym } : null,
  ),

  profile: workerProcedure.query(({ ctx }) => getWorkerProfile(ctx.account.accountId)),

  updateProfile: workerProcedure.input(profileSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    await updateWorkerProfile(ctx.account.accountId, input);
    return { ok: true as const };
  }),

  platforms: publicProcedure.query(() => listPlatforms()),
});
