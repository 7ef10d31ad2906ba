/** A no-op route: the benchmarks' yardstick for what Next alone costs per request. */
export function GET() {
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
