import { idForShortCode } from "~/features/petitions/data";

/** Short links for chat groups: /p/<code> → /petitions/<id>. Unknown codes get a plain 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const id = /^[a-z0-9]{4,12}$/.test(code) ? await idForShortCode(code) : null;
  if (!id) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  // A relative Location keeps the redirect right behind any proxy.
  return new Response(null, { status: 308, headers: { Location: `/petitions/${id}` } });
}
