import { apiHeaders, BadQuery, handle, IMMUTABLE_CACHE, publicId } from "~/features/opendata/respond";
import { getPublishedVersion } from "~/features/opendata/submissions/data";

export const dynamic = "force-dynamic";

/** The canonical document byte for byte, so anyone can recompute the digest sent beside it. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string; version: string }> }) {
  return handle(async () => {
    const { id, version } = await params;
    if (!/^[1-9][0-9]{0,5}$/.test(version)) throw new BadQuery([{ path: "version", message: "A version is a whole number from 1" }]);
    const { document, digest } = await getPublishedVersion(publicId(id), Number(version));
    return new Response(document, {
      headers: apiHeaders({
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": IMMUTABLE_CACHE,
        ETag: `"${digest}"`,
        "X-Submission-Digest": digest,
        // RFC 9530: the same SHA-256, base64 in a structured field.
        "Repr-Digest": `sha-256=:${Buffer.from(digest, "hex").toString("base64")}:`,
      }),
    });
  });
}
