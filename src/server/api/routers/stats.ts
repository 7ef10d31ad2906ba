import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { platformSlugInput } from "~/features/reports/schema";
import { getOverview, getPlatformConditions, getQuotes } from "~/features/stats/data";

// Public: every figure here has already been through k-anonymity in the query layer.
export const statsRouter = createTRPCRouter({
  overview: publicProcedure.query(() => getOverview()),

  conditions: publicProcedure.input(platformSlugInput).query(async ({ input }) => {
    const conditions = await getPlatformConditions(input.slug);
    const quotes = await getQuotes(conditions.platform.id, conditions.total?.n);
    return { ...conditions, quotes };
  }),
});
