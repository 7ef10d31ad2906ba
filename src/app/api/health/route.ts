import { checkDatabase } from "~/server/health";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  await checkDatabase();
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
