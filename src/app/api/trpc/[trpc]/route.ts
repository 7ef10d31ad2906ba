import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { APP_ERROR_STATUS, type AppErrorCode } from "~/lib/app-error";
import { appRouter } from "~/server/api/root";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/server/db/unavailable";
import { createContext } from "~/server/api/trpc";
import { accountFromHeaders } from "~/server/auth/session-token";
import { MAX_BODY, readLimitedBody } from "~/server/http";
import { fromThisOrigin, isJsonBody } from "~/server/same-origin";

/**
 * An error answer in tRPC's own shape, one per call of a batch, so the client shows each call
 * its translated code; used for what is refused before tRPC reads the request.
 */
function refuse(req: Request, appCode: AppErrorCode) {
  const url = new URL(req.url);
  const paths = decodeURIComponent(url.pathname.split("/").pop() ?? "").split(",");
  const httpStatus = APP_ERROR_STATUS[appCode];
  const error = (path: string) => ({ error: { json: { message: appCode, code: -32600, data: { code: appCode, httpStatus, path, appCode } } } });
  const body = url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? "");
  const retry: Record<string, string> = appCode === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return Response.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store", ...retry } });
}

async function handler(req: Request) {
  // Issue 13: every call must come from this origin, and a write must be JSON, which no page on
  // another origin can send without a CORS preflight (granted to none). tRPC itself would also
  // take multipart/form-data, which an HTML form on a same-site page can post with the cookie.
  if (!fromThisOrigin(req.headers) || (req.method !== "GET" && !isJsonBody(req.headers))) return refuse(req, "FORBIDDEN");
  let request = req;
  if (req.method === "POST") {
    const body = await readLimitedBody(req, MAX_BODY);
    if (body === null) return refuse(req, "PAYLOAD_TOO_LARGE");
    request = new Request(req.url, { method: "POST", headers: req.headers, body });
  }
  let account;
  try {
    account = await accountFromHeaders(req.headers);
  } catch (err) {
    if (isDatabaseUnavailable(err)) return refuse(req, "UNAVAILABLE");
    throw err;
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, account }),
    // A database outage answers 503; the client may come back after a few seconds (issue 14).
    responseMeta: ({ errors }) => (errors.some((e) => e.code === "SERVICE_UNAVAILABLE") ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {}),
  });
}

export { handler as GET, handler as POST };
