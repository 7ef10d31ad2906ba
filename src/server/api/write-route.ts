import "server-only";
import { z, type ZodType } from "zod";
import { env } from "~/env";
import { AppError, APP_ERROR_STATUS, type AppErrorCode } from "~/lib/app-error";
import type { SessionAccount } from "~/features/accounts/data";
import { accountFromHeaders } from "~/server/auth/session";
import { MAX_BODY, readLimitedBody } from "~/server/http";
import { addressHash, clientAddress, consume, type LimitName } from "~/server/rate-limit";

type Role = SessionAccount["role"];

const publicOrigin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;

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

function fail(code: AppErrorCode, extra: Record<string, unknown> = {}) {
  return Response.json({ error: { appCode: code, ...extra } }, { status: APP_ERROR_STATUS[code], headers: HEADERS });
}

/**
 * Refuses requests a cross-site page could have made. A JSON content type cannot be sent
 * cross-origin without a CORS preflight, which this app never grants; the session cookie is
 * SameSite=Lax as well. Browsers also say where a request came from (Origin, Sec-Fetch-Site):
 * when they do, it has to be this site: the Host the request came to (as Next checks server
 * actions) or the configured public URL.
 */
function sameOrigin(req: Request): boolean {
  const type = req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") return false;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host || origin === publicOrigin;
  } catch {
    return false;
  }
}

/**
 * A POST handler for a hot write, doing what a tRPC mutation on the same rung does (session and
 * role, strict zod input, rate limit, AppError mapped to its HTTP status and translated code)
 * without the batching, superjson and per-call machinery: plain JSON in, plain JSON out.
 * Answers `{ result }` or `{ error: { appCode } }`; src/lib/post-write.ts is the client side.
 */
export function writeRoute<I>(route: WriteRoute<I>) {
  async function POST(req: Request): Promise<Response> {
    try {
      if (!sameOrigin(req)) return fail("FORBIDDEN");
      const body = await readLimitedBody(req, MAX_BODY);
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
      const parsed = route.input.safeParse(json);
      if (!parsed.success) return fail("BAD_INPUT", { zodError: z.flattenError(parsed.error) });
      await consume(route.limit, addressHash(clientAddress(req.headers)), account.accountId);
      const result = await route.run(account, parsed.data);
      return Response.json({ result }, { headers: HEADERS });
    } catch (err) {
      if (err instanceof AppError) return fail(err.code);
      console.error(err);
      return fail("INTERNAL");
    }
  }
  // The rung travels with the handler so the role-matrix test can read it.
  return Object.assign(POST, { roles: route.roles });
}
