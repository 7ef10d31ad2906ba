import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountsRouter } from "~/server/api/routers/accounts";
import { adminRouter } from "~/server/api/routers/admin";
import { reportsRouter } from "~/server/api/routers/reports";
import { statsRouter } from "~/server/api/routers/stats";
import { petitionsRouter } from "~/server/api/routers/petitions";
import { ballotsRouter } from "~/server/api/routers/ballots";
import { campaignsRouter } from "~/server/api/routers/campaigns";
import { demandsRouter } from "~/server/api/routers/demands";
import { notificationsRouter } from "~/server/api/routers/notifications";
import { verificationRouter } from "~/server/api/routers/verification";
import { answersRouter } from "~/server/api/routers/answers";
import { verdictsRouter } from "~/server/api/routers/verdicts";
import { submissionsRouter } from "~/server/api/routers/submissions";
import { tokensRouter } from "~/server/api/routers/tokens";
import { wagesRouter } from "~/server/api/routers/wages";
import { statementsRouter } from "~/server/api/routers/statements";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  admin: adminRouter,
  reports: reportsRouter,
  stats: statsRouter,
  petitions: petitionsRouter,
  campaigns: campaignsRouter,
  demands: demandsRouter,
  ballots: ballotsRouter,
  verification: verificationRouter,
  notifications: notificationsRouter,
  answers: answersRouter,
  verdicts: verdictsRouter,
  submissions: submissionsRouter,
  tokens: tokensRouter,
  wages: wagesRouter,
  statements: statementsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
