import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountsRouter } from "~/server/api/routers/accounts";
import { adminRouter } from "~/server/api/routers/admin";
import { petitionsRouter } from "~/server/api/routers/petitions";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  admin: adminRouter,
  petitions: petitionsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
