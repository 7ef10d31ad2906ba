import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountsRouter } from "~/server/api/routers/accounts";
import { adminRouter } from "~/server/api/routers/admin";
import { reportsRouter } from "~/server/api/routers/reports";
import { statsRouter } from "~/server/api/routers/stats";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  admin: adminRouter,
  reports: reportsRouter,
  stats: statsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
