// PRIVACY.md P8: headers on every answer. next.config.js applies them to what Next serves and
// src/scripts/serve.mjs to the writes it answers directly. The Content-Security-Policy with its
// per-request nonce is set in src/proxy.ts (and by the JSON write routes for themselves).
/** @type {{ key: string; value: string }[]} */
export const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// PRIVACY.md P8: browsers that once reached the site over https keep to it for two years.
// Browsers ignore this header on plain http, so local http use is unaffected; serve.mjs sends
// it in production unless SECURE_COOKIES=false (src/env.js secureTransport), on every answer.
// Not in next.config.js's headers(), which are fixed at build time.
export const strictTransportSecurity = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
