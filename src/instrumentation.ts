// Next.js calls register() once when a server process starts. The deadline sweep needs Node
// (and the database), so it starts only in the Node runtime, and not while `next build`
// prerenders pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startDeadlineSweeps } = await import("~/server/deadline-sweeper");
  startDeadlineSweeps();
}
