import "server-only";
import { env } from "~/env";

/** The site's public origin for links people share: the configured URL, else what the request says. */
export function publicOrigin(headers: Headers): string {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/$/, "");
  return `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("host") ?? "localhost"}`;
}
