// Next.js calls register() once when a server process starts. The scheduled jobs need Node
// (and the database), so they start only in the Node runtime, and not while `next build`
// prerenders pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // `next dev` and `next start` without serve.mjs: files this process creates are owner-only too.
  const { ownerOnlyUmask } = await import("~/server/private-files");
  ownerOnlyUmask();
  // Before the first request: the rate limiter's address-hash key that every instance shares
  // through Redis (nothing to load in embedded mode).
  const { startAddressKeys } = await import("~/server/cluster/address-key");
  await startAddressKeys();
  const { startScheduler } = await import("~/server/scheduler");
  startScheduler();
}
