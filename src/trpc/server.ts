import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { appRouter, createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { auth } from "~/server/auth/session";
import { createQueryClient } from "~/trpc/query-client";

const createServerContext = cache(async () => createContext({ headers: await headers(), account: await auth() }));

export const getQueryClient = cache(createQueryClient);

/** Server components call procedures through this proxy to prefetch, or through `api` directly. */
export const trpc = createTRPCOptionsProxy({ ctx: createServerContext, router: appRouter, queryClient: getQueryClient });

export async function api() {
  return createCaller(await createServerContext());
}
