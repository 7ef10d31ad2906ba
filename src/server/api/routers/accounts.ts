import { createTRPCRouter, publicProcedure, workerProcedure } from "~/server/api/trpc";
import { joinProofSchema, profileSchema } from "~/features/accounts/schema";
import { createProvenWorkerAccount, updateWorkerProfile } from "~/features/accounts/mutations";
import { createJoinChallenge, verifyJoinProof } from "~/features/accounts/proof-of-work";
import { getMyProfile, listPlatforms } from "~/features/accounts/data";
import { consume } from "~/server/rate-limit";

export const accountsRouter = createTRPCRouter({
  /** A proof-of-work challenge for the join page; nothing is stored with it. */
  challenge: publicProcedure.query(() => createJoinChallenge()),

  // The proof is checked first (two HMACs, nothing stored), so requests without work do not
  // use up the address's allowance that hundreds of workers behind one NAT share.
  create: publicProcedure.input(joinProofSchema).mutation(async ({ ctx, input }) => {
    const proof = await verifyJoinProof(input);
    await consume("createAccount", ctx.addressKey);
    return createProvenWorkerAccount(proof);
  }),

  me: publicProcedure.query(({ ctx }) =>
    ctx.account ? { role: ctx.account.role, pseudonym: ctx.account.pseudonym } : null,
  ),

  profile: workerProcedure.query(({ ctx }) => getMyProfile(ctx.account.accountId)),

  updateProfile: workerProcedure.input(profileSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    await updateWorkerProfile(ctx.account.accountId, input);
    return { ok: true as const };
  }),

  platforms: publicProcedure.query(() => listPlatforms()),
});
