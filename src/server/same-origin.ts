import "server-only";
import { env } from "~/env";

const publicOrigin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;

/**
 * Refuses requests a cross-site or same-site page could have made: used by every tRPC call and
 * every write route. Browsers say where a request came from (Sec-Fetch-Site, Origin); when they
 * do, it has to be this origin: the Host the request came to (as Next checks server actions) or
 * the configured public URL. Another port or subdomain is same-site, which SameSite=Lax cookies
 * do not stop, so "same-site" is refused too.
 */
export function fromThisOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host || origin === publicOrigin;
  } catch {
    return false;
  }
}

/**
 * A JSON body cannot be sent cross-origin without a CORS preflight, which this app never grants;
 * text/plain, multipart/form-data and application/x-www-form-urlencoded can (an HTML form or a
 * no-cors fetch), so a write takes JSON only.
 */
export function isJsonBody(headers: Headers): boolean {
  return headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

/** What a write must pass: from this origin, with a JSON body. */
export function sameOriginWrite(req: { headers: Headers }): boolean {
  return isJsonBody(req.headers) && fromThisOrigin(req.headers);
}
