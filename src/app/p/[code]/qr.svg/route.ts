import { idForShortCode } from "~/features/petitions/data";
import { qrSvg } from "~/features/petitions/qr";
import { publicOrigin } from "~/server/origin";

/**
 * The QR code of a petition's short link, as an image the petition page links to: kept out of
 * the page itself (it was 5 KB of every view, twice, and ~4 ms of its render) and cached by the
 * browser for a day. Only for short links that resolve; anything else is a plain 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const id = /^[a-z0-9]{4,12}$/.test(code) ? await idForShortCode(code) : null;
  if (!id) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const svg = await qrSvg(`${publicOrigin(request.headers)}/p/${code}`);
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=86400",
      // An image, never a document: nothing in it may run or load.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
