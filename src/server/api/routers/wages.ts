import { adminProcedure, createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { listWages } from "~/features/wages/data";
import { addWage } from "~/features/wages/mutations";
import { addWageInput } from "~/features/wages/schema";

// Minimum wages and living-wage estimates the scorecard scores pay against (issue 16): public
// figures with their sources; only admins record new ones.
export const wagesRouter = createTRPCRouter({
  list: publicProcedure.query(() => listWages()),
  add: adminProcedure.input(addWageInput).mutation(({ input }) => addWage(input)),
});
