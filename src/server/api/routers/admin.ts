import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "~/server/api/trpc";
import { createPlatformSchema, createStaffSchema, createUnionSchema } from "~/features/accounts/schema";
import { createPlatform, createStaffAccount, createUnion, setSuspended } from "~/features/accounts/mutations";
import { listModerationAssignments } from "~/features/moderation/data";
import { assignModeration } from "~/features/moderation/mutations";
import { assignModerationSchema } from "~/features/moderation/schema";
import { countWorkers, listPlatforms, listStaff, listUnions } from "~/features/accounts/data";

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.query(async () => {
    const [platforms, unions, staff, workers, moderation] = await Promise.all([listPlatforms(), listUnions(), listStaff(), countWorkers(), listModerationAssignments()]);
    return { platforms, unions, staff, workers, moderation };
  }),

  /** Which union moderates a platform's petitions and narratives, or petitions to parties outside the portal. */
  assignModeration: adminProcedure.input(assignModerationSchema).mutation(({ input }) => assignModeration(input)),

  createPlatform: adminProcedure.input(createPlatformSchema).mutation(({ input }) => createPlatform(input)),

  createUnion: adminProcedure.input(createUnionSchema).mutation(({ input }) => createUnion(input)),

  createStaff: adminProcedure.input(createStaffSchema).mutation(({ input }) => createStaffAccount(input)),

  setSuspended: adminProcedure
    .input(z.object({ accountId: z.string().min(1).max(40), suspended: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (input.accountId === ctx.account.accountId) return { ok: false as const };
      await setSuspended(input.accountId, input.suspended);
      return { ok: true as const };
    }),
});
