import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountsRouter } from "~/server/api/routers/accounts";
import { adminRouter } from "~/server/api/routers/admin";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
