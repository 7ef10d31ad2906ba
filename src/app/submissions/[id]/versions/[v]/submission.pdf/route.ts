import { exportHeaders, loadExport, notFound, notModified, type VersionParams } from "~/features/submissions/exports";
import { cachedSubmissionPdf, renderSubmissionPdf } from "~/features/submissions/pdf";

/** Printable A4 PDF of a published version; rendered once per version (versions never change). */
export async function GET(request: Request, ctx: VersionParams) {
  const e = await loadExport(ctx);
  if (!e) return notFound();
  const headers = exportHeaders(e, "application/pdf", "pdf");
  const cached = notModified(request, headers);
  if (cached) return cached;
  const pdf = await cachedSubmissionPdf(`${e.id}:${e.version}`, () => renderSubmissionPdf(e.doc, e.digest));
  return new Response(new Uint8Array(pdf), { headers });
}
