import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment at build and start: bad configuration fails here, not at run time.
import "./src/env.js";
import { securityHeaders } from "./src/lib/security-headers.js";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pdfkit"],
  // The token code's library (src/features/tokens/token-client.ts) requires Node's crypto only
  // under Node: in the browser it gets an empty module, not a 140 KB polyfill.
  turbopack: { resolveAlias: { crypto: { browser: "./src/lib/empty-module.js" } } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
