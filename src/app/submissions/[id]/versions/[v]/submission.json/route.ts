import { exportHeaders, loadExport, notFound, notModified, type VersionParams } from "~/features/submissions/exports";

/** The canonical JSON of a published version, byte for byte as hashed: sha256 of this body is the digest. */
export async function GET(request: Request, ctx: VersionParams) {
  const e = await loadExport(ctx);
  if (!e) return notFound();
  const headers = exportHeaders(e, "application/json; charset=utf-8", "json");
  return notModified(request, headers) ?? new Response(e.document, { headers });
}
