import { secureTransport } from "~/env";

// The session cookie's name, apart from next-auth's options (src/server/auth/config.ts) so the
// hot write routes read sessions without loading next-auth (src/server/api/hot-routes.ts).

/** Secure (and __Secure-/__Host- prefixed) cookies unless SECURE_COOKIES=false (src/env.js). */
export const useSecureCookies = secureTransport;
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
