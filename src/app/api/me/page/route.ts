import { pageState } from "~/features/personal/page-state";
import { accountFromHeaders } from "~/server/auth/session-token";

// The personal part of a cached public page, in one small request after first paint (issue 15).
// A plain Request -> Response handler (no request-scoped Next API), so the custom server can
// answer it directly like the hot writes. Never cached anywhere.
const HEADERS = { "Cache-Control": "no-store", Vary: "Cookie", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };

export async function GET(req: Request): Promise<Response> {
  const path = (new URL(req.url).searchParams.get("path") ?? "/").slice(0, 200);
  const account = await accountFromHeaders(req.headers);
  return Response.json(await pageState(account, path), { headers: HEADERS });
}
