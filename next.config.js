import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment at build and start: bad configuration fails here, not at run time.
import "./src/env.js";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

// PRIVACY.md P8. The Content-Security-Policy with its per-request nonce is set in src/proxy.ts.
const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pdfkit"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
