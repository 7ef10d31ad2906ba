// Every cache an app process keeps in its own memory, in one place (issue 15): with several
// instances behind nginx, each has its own copy, so each entry says how long a copy may differ
// from the database and why that is safe. A new per-process cache must be listed here
// (src/server/cluster/caches.test.ts finds them by their globalThis name or module-level Map).
// The public page cache (src/scripts/lib/page-cache.mjs, WV_PAGE_CACHE_SECONDS, default 5 s) is
// the serving layer's, not the app's: a page may differ between instances by at most its TTL.
// Rate-limit counters are not here: with REDIS_URL they live in Redis, shared by every instance.

export type ProcessCache = {
  /** The globalThis property (wv...) or, for a module-level Map, the file that holds it. */
  name: string;
  where: string;
  ttl: string;
  safe: string;
};

export const PROCESS_CACHES: ProcessCache[] = [
  {
    name: "wvSessions",
    where: "src/features/accounts/data.ts",
    ttl: "1 s (SESSION_CACHE_MS) on its own; up to 10 min (SESSION_TRUST_MS) while the session listener is live; never past the session's last day",
    safe: "sign-out and suspension evict at once in the instance that handles them; every other instance hears of each change to a session or its account through LISTEN/NOTIFY (src/server/cluster/session-events.ts) and trusts an entry past 1 s only while its listener has confirmed delivery within the last second, so a lost notification still ends the session within 1 s",
  },
  {
    name: "wvSessionTokens",
    where: "src/server/auth/session-token.ts",
    ttl: "10 min, and never past the token's own expiry",
    safe: "the session id a cookie decrypts to, a pure function of the cookie and AUTH_SECRET; whether the session is still valid is asked of wvSessions on every request",
  },
  {
    name: "wvProfiles",
    where: "src/features/accounts/profile-seal.ts",
    ttl: "5 s, renewed by each session check (from the cached session while it lasts)",
    safe: "a change to the sealed profile is a change to the session check: the session listener evicts the profile with the session on every instance; a ballot or signature cast there in between copies the previous profile, as if cast a moment earlier",
  },
  {
    name: "wvStatsCache",
    where: "src/features/stats/cache.ts",
    ttl: "10 min",
    safe: "published statistics count closed months only; a deleted old report shows on the other instances within 10 minutes",
  },
  {
    name: "wvRecordList",
    where: "src/features/records/data.ts",
    ttl: "60 s, and per China day",
    safe: "the open-data API tells clients to cache the list as long; a single platform's record is read fresh",
  },
  {
    name: "wvPdfCache",
    where: "src/features/submissions/pdf.ts",
    ttl: "none (the 64 most recent)",
    safe: "keyed by an immutable submission version",
  },
  {
    name: "wvPlatformIds",
    where: "src/features/reports/mutations.ts",
    ttl: "process life",
    safe: "platforms are never renamed or removed; unknown slugs are not remembered",
  },
  {
    name: "wvAddressKeys",
    where: "src/server/cluster/address-key.ts",
    ttl: "the hour it belongs to",
    safe: "a copy of the hour's key in Redis, the same in every instance; a stand-in of this process only while Redis has not answered",
  },
  {
    name: "wvSecrets",
    where: "src/server/secrets.ts",
    ttl: "process life",
    safe: "the secrets every instance is given at start; changing one means restarting them all",
  },
  {
    name: "verifyKeys",
    where: "src/features/tokens/data.ts",
    ttl: "process life",
    safe: "a campaign's token key never changes once made; a campaign without one is asked again",
  },
  {
    name: "cache",
    where: "src/features/petitions/qr.ts",
    ttl: "none (1,000 most recent)",
    safe: "a short link's QR code is a pure function of the link",
  },
  {
    name: "previewBodies",
    where: "src/features/submissions/compile.ts",
    ttl: "60 s (PREVIEW_TTL_MS), per campaign and closed period",
    safe: "only the organiser's preview reads it; publishing compiles afresh, so a published document never comes from it",
  },
  {
    name: "keys",
    where: "src/server/auth/session-token.ts",
    ttl: "process life",
    safe: "derived from AUTH_SECRET alone",
  },
  {
    name: "keys",
    where: "src/server/legacy-account-ids.ts",
    ttl: "process life",
    safe: "derived from NULLIFIER_KEY alone",
  },
  {
    name: "wvReleases",
    where: "src/features/stats/releases/mutations.ts",
    ttl: "while a figure's release runs, and until its follow-up (at most one a second per figure)",
    safe: "no copy of data: which figures this process is releasing now, so its writers do not each start one; another instance's release of the same figure is kept apart by the advisory lock, and an act a release missed waits for the next one or the hourly timer",
  },
  {
    name: "statementNames",
    where: "src/server/db.ts",
    ttl: "process life",
    safe: "a name derived from the SQL text; each connection prepares its own statements",
  },
];
