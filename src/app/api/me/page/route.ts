import { pageState } from "~/features/personal/page-state";
import { accountFromHeaders } from "~/server/auth/session-token";
import { jsonAnswer, routeHandler } from "~/server/api/plain-handler";

// The personal part of a cached public page, in one small request after first paint (issue 15).
// A plain handler (no request-scoped Next API, src/server/api/plain-handler.ts), so the custom
// server answers it directly like the hot writes. Never cached anywhere.
const HEADERS = { "Cache-Control": "no-store", Vary: "Cookie", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };

export const GET = routeHandler(async (req) => {
  const path = (new URL(req.url).searchParams.get("path") ?? "/").slice(0, 200);
  const account = await accountFromHeaders(req.headers);
  return jsonAnswer(await pageState(account, path), 200, HEADERS);
});
