import "server-only";
import { z, type ZodType } from "zod";
import { AppError, APP_ERROR_STATUS, type AppErrorCode } from "~/lib/app-error";
import type { SessionAccount } from "~/features/accounts/data";
import { accountFromHeaders } from "~/server/auth/session-token";
import { MAX_BODY } from "~/server/http";
import { addressKeyOf, consume, type LimitName } from "~/server/rate-limit";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/server/db/unavailable";
import { isWellFormedInput } from "~/lib/well-formed";
import { reportIncident } from "~/server/log";
import { sameOriginWrite } from "~/server/same-origin";
import { jsonAnswer, routeHandler, type PlainAnswer, type PlainRequest } from "~/server/api/plain-handler";

type Role = SessionAccount["role"];

export type WriteRoute<I> = {
  /** Who may call it: the same rungs as the tRPC ladder, checked before the input is read. */
  roles: readonly Role[];
  input: ZodType<I>;
  limit: LimitName;
  run: (account: SessionAccount, input: I) => Promise<unknown>;
};

// JSON answers of an API route render nothing, so they get the tightest policy; the page CSP
// with its nonce comes from src/proxy.ts, which these routes skip (see its matcher).
const HEADERS = { "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };

function fail(code: AppErrorCode, extra: Record<string, unknown> = {}): PlainAnswer {
  const headers = code === "UNAVAILABLE" ? { ...HEADERS, "Retry-After": String(RETRY_AFTER_SECONDS) } : HEADERS;
  return jsonAnswer({ error: { appCode: code, ...extra } }, APP_ERROR_STATUS[code], headers);
}

/** What both kinds of route answer for a thrown error: its AppError code, 503 when the database is away, else an incident. */
function failed(err: unknown) {
  if (err instanceof AppError) return fail(err.code);
  if (isDatabaseUnavailable(err)) return fail("UNAVAILABLE");
  return fail("INTERNAL", { incident: reportIncident("write-route", err) });
}

/**
 * A POST handler for a hot write, doing what a tRPC mutation on the same rung does (session and
 * role, strict zod input, rate limit, AppError mapped to its HTTP status and translated code)
 * without the batching, superjson and per-call machinery: plain JSON in, plain JSON out.
 * Answers `{ result }` or `{ error: { appCode } }`; src/lib/post-write.ts is the client side.
 * Written as a plain handler (src/server/api/plain-handler.ts): serve.mjs calls it directly.
 */
export function writeRoute<I>(route: WriteRoute<I>) {
  async function plain(req: PlainRequest): Promise<PlainAnswer> {
    try {
      if (!sameOriginWrite(req)) return fail("FORBIDDEN");
      const body = await req.readBody(MAX_BODY);
      if (body === null) return fail("PAYLOAD_TOO_LARGE");
      const account = await accountFromHeaders(req.headers);
      if (!account) return fail("UNAUTHORIZED");
      if (!route.roles.includes(account.role)) return fail("FORBIDDEN");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return fail("BAD_INPUT");
      }
      if (!isWellFormedInput(json)) return fail("BAD_INPUT");
      const parsed = route.input.safeParse(json);
      if (!parsed.success) return fail("BAD_INPUT", { zodError: z.flattenError(parsed.error) });
      await consume(route.limit, addressKeyOf(req.headers), account.accountId);
      const result = await route.run(account, parsed.data);
      return jsonAnswer({ result }, 200, HEADERS);
    } catch (err) {
      return failed(err);
    }
  }
  // The rung and the schema travel with the handler so the role-matrix and fuzz tests can read them.
  return Object.assign(routeHandler(plain), { roles: route.roles, input: route.input });
}

export type OpenWriteRoute<I> = { input: ZodType<I>; limit: LimitName; run: (input: I) => Promise<unknown> };

/**
 * A hot write that must not know who sends it (the token ballot, PRIVACY.md P6): the same
 * origin, body, input, limit and error handling as writeRoute, but it never reads the session,
 * even when a cookie comes along, and limits by address only. The page sends it with
 * `credentials: "omit"` (src/features/tokens/components).
 */
export function openWriteRoute<I>(route: OpenWriteRoute<I>) {
  async function plain(req: PlainRequest): Promise<PlainAnswer> {
    try {
      if (!sameOriginWrite(req)) return fail("FORBIDDEN");
      const body = await req.readBody(MAX_BODY);
      if (body === null) return fail("PAYLOAD_TOO_LARGE");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return fail("BAD_INPUT");
      }
      if (!isWellFormedInput(json)) return fail("BAD_INPUT");
      const parsed = route.input.safeParse(json);
      if (!parsed.success) return fail("BAD_INPUT", { zodError: z.flattenError(parsed.error) });
      await consume(route.limit, addressKeyOf(req.headers));
      return jsonAnswer({ result: await route.run(parsed.data) }, 200, HEADERS);
    } catch (err) {
      return failed(err);
    }
  }
  return Object.assign(routeHandler(plain), { roles: "ANYONE" as const });
}
