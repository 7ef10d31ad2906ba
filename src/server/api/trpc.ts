import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { AppError, APP_ERROR_STATUS, isAppErrorCode, type AppErrorCode } from "~/lib/app-error";
import type { SessionAccount } from "~/features/accounts/data";
import { isDatabaseUnavailable } from "~/server/db/unavailable";
import { isWellFormedInput } from "~/lib/well-formed";
import { reportIncident } from "~/server/log";
import { addressKeyOf } from "~/server/rate-limit";

export type Context = {
  account: SessionAccount | null;
  /** Keyed hash of the caller's address, for rate limits only; never stored (PRIVACY.md P2). */
  addressKey: string;
};

export function createContext(opts: { headers: Headers; account: SessionAccount | null }): Context {
  return { account: opts.account, addressKey: addressKeyOf(opts.headers) };
}

const TRPC_CODE: Record<number, TRPCError["code"]> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

function appCodeOf(error: TRPCError): AppErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof ZodError || error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") return "BAD_INPUT";
  if (isAppErrorCode(error.code)) return error.code;
  const fromTrpc: Partial<Record<TRPCError["code"], AppErrorCode>> = {
    UNAUTHORIZED: "UNAUTHORIZED",
    FORBIDDEN: "FORBIDDEN",
    NOT_FOUND: "NOT_FOUND",
    TOO_MANY_REQUESTS: "RATE_LIMITED",
    PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
    CONFLICT: "CONFLICT",
    SERVICE_UNAVAILABLE: "UNAVAILABLE",
    // A query posted (or a mutation fetched) is the caller's mistake, not an incident: it was
    // answered as INTERNAL and logged until the fuzzer posted to every path (issue 14).
    METHOD_NOT_SUPPORTED: "BAD_INPUT",
    UNSUPPORTED_MEDIA_TYPE: "BAD_INPUT",
  };
  return fromTrpc[error.code] ?? "INTERNAL";
}

/** Which roles a procedure admits; read by the role-matrix test that covers every procedure. */
export type ProcedureMeta = { roles: readonly SessionAccount["role"][] | "public" };

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  // The client translates `appCode`; the message is only for developers, and internal errors
  // are masked so no stack or SQL ever reaches a browser: they carry the incident id under
  // which their codes were logged (src/server/log.js), which the client shows.
  errorFormatter({ shape, error }) {
    const appCode = appCodeOf(error);
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const incident = appCode === "INTERNAL" ? reportIncident("trpc", error.cause ?? error) : null;
    return {
      ...shape,
      message: appCode === "INTERNAL" ? "Internal error" : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, appCode, zodError, incident },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Domain code throws AppError; this maps it to a tRPC error (and HTTP status) in one place. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[APP_ERROR_STATUS[cause.code]] ?? "INTERNAL_SERVER_ERROR", message: cause.code, cause });
  }
  // The database restarting or dropping connections: "try again", not an incident (issue 14).
  if (!result.ok && isDatabaseUnavailable(result.error.cause ?? result.error)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "UNAVAILABLE", cause: new AppError("UNAVAILABLE") });
  }
  // Logged here too for server-side callers (pages), which never reach the formatter; the
  // formatter then finds the same incident id for the same error.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") reportIncident("trpc", result.error.cause ?? result.error);
  return result;
});

/** Refuses input holding lone surrogates or NULs (src/lib/well-formed.ts) before any schema or query sees it. */
const wellFormed = t.middleware(async ({ getRawInput, next }) => {
  if (!isWellFormedInput(await getRawInput())) throw new AppError("BAD_INPUT");
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).meta({ roles: "public" }).use(wellFormed);

function requireRole<R extends SessionAccount["role"]>(roles: readonly R[]) {
  return t.procedure.use(appErrors).meta({ roles }).use(({ ctx, next }) => {
    if (!ctx.account) throw new TRPCError({ code: "UNAUTHORIZED", message: "UNAUTHORIZED" });
    if (!(roles as readonly string[]).includes(ctx.account.role)) throw new TRPCError({ code: "FORBIDDEN", message: "FORBIDDEN" });
    return next({ ctx: { ...ctx, account: ctx.account as SessionAccount & { role: R } } });
  }).use(wellFormed);
}

/** Any signed-in account. */
export const authedProcedure = requireRole(["WORKER", "ORGANISER", "PLATFORM_REP", "ADMIN"]);

/** Workers only: platform representatives and staff can neither vote, sign nor report. */
export const workerProcedure = requireRole(["WORKER"]);

/** An organiser, narrowed to their union: union-scoped checks live in each feature's policy.ts. */
export const organiserProcedure = requireRole(["ORGANISER"]).use(({ ctx, next }) => {
  const unionId = ctx.account.unionId;
  if (!unionId) throw new TRPCError({ code: "FORBIDDEN", message: "FORBIDDEN" });
  return next({ ctx: { ...ctx, unionId } });
});

/** A platform representative, narrowed to their platform. */
export const platformRepProcedure = requireRole(["PLATFORM_REP"]).use(({ ctx, next }) => {
  const platformId = ctx.account.platformId;
  if (!platformId) throw new TRPCError({ code: "FORBIDDEN", message: "FORBIDDEN" });
  return next({ ctx: { ...ctx, platformId } });
});

export const adminProcedure = requireRole(["ADMIN"]);

/**
 * Moderators of platforms' statements: an organiser (narrowed to their union) or an admin. The
 * feature spreads `statementsModeratedBy(ctx.moderator)` into its where clauses.
 */
export const statementModeratorProcedure = requireRole(["ORGANISER", "ADMIN"]).use(({ ctx, next }) => {
  if (ctx.account.role === "ADMIN") return next({ ctx: { ...ctx, moderator: { kind: "admin" as const } } });
  const unionId = ctx.account.unionId;
  if (!unionId) throw new TRPCError({ code: "FORBIDDEN", message: "FORBIDDEN" });
  return next({ ctx: { ...ctx, moderator: { kind: "union" as const, unionId } } });
});
