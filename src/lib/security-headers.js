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
