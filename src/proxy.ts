import { NextResponse, type NextRequest } from "next/server";

// PRIVACY.md P8: a strict Content-Security-Policy with a fresh nonce per request (Next applies
// it to its own inline scripts), and no caching of pages that may show private data.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page asked for, so a sign-in redirect can bring the visitor back to it (src/server/auth/guard.ts).
  requestHeaders.set("x-wv-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "no-store, max-age=0");
  return response;
}

// Left out: the open-data API (/api/v1/), whose public, read-only JSON sets its own short public
// cache and a CSP that renders nothing (src/features/opendata/respond.ts), so non-browser
// clients and caches can use it; and the hot JSON write routes (src/server/api/write-route.ts),
// which set their own no-store and CSP headers and save a pass through the middleware layer; and
// short links' QR images (src/app/p/[code]/qr.svg), public and cached by browsers for a day.
// Also the personal JSON of cached pages (src/app/api/me/page), which sets its own no-store.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/|api/me/|api/ballots|api/signatures|api/reports|api/tokens/|p/[a-z0-9]+/qr\\.svg$).*)" }],
};
