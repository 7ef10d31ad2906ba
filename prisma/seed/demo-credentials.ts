// Fictional demo accounts, printed at start so a newcomer can try every role. The TOTP secrets
// are fixed so the demo (and the end-to-end tests) can compute codes; a real deployment creates
// its staff through `npm run admin:create` and the admin pages instead.
export const DEMO = {
  admin: { username: "admin", password: "Demo-Admin-Pass-2026!", totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" },
  organiser: { username: "organiser", password: "Demo-Organiser-Pass-2026!" },
  reps: {
    flasheats: { username: "rep-flasheats", password: "Demo-Rep-FlashEats-2026!", totpSecret: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU" },
    swiftparcel: { username: "rep-swiftparcel", password: "Demo-Rep-SwiftParcel-2026!", totpSecret: "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK" },
    ridealong: { username: "rep-ridealong", password: "Demo-Rep-RideAlong-2026!", totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" },
    starlive: { username: "rep-starlive", password: "Demo-Rep-StarLive-2026!", totpSecret: "ONSWG4TFORRWK4TFONSWG4TFORRWK4TF" },
  },
  /** A worker whose key is public on purpose: for trying the worker side quickly. */
  worker: { key: "DEMO-0000-00WV-DEMO-0000-0000-0000-0000-0000" },
} as const;
