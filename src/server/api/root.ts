import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountsRouter } from "~/server/api/routers/accounts";
import { adminRouter } from "~/server/api/routers/admin";
import { reportsRouter } from "~/server/api/routers/reports";
import { statsRouter } from "~/server/api/routers/stats";
import { petitionsRouter } from "~/server/api/routers/petitions";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  admin: adminRouter,
  reports: reportsRouter,
  stats: statsRouter,
  petitions: petitionsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
