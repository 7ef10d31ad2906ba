import "server-only";
import { getVersionExport } from "~/features/submissions/data";
import { submissionDocument, type SubmissionDocument } from "~/features/submissions/document";

// Shared by the export route handlers: a published version by id and version number, and the
// headers that let anyone check what they downloaded. Versions are immutable, so the digest is
// a strong ETag and caches may keep the files for good.

export type VersionParams = { params: Promise<{ id: string; v: string }> };
export type LoadedExport = { id: string; version: number; document: string; digest: string; doc: SubmissionDocument };

export async function loadExport({ params }: VersionParams): Promise<LoadedExport | null> {
  const { id, v } = await params;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id) || !/^[1-9]\d{0,4}$/.test(v)) return null;
  const row = await getVersionExport(id, Number(v)).catch(() => null);
  if (!row) return null;
  return { id, version: Number(v), document: row.document, digest: row.digest, doc: submissionDocument.parse(JSON.parse(row.document)) };
}

export const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The digest as headers: for the JSON, the strong ETag and Repr-Digest (RFC 9530) / Digest are
 * the SHA-256 of the body itself; derived files (CSV, PDF) name the version's digest instead.
 */
export function exportHeaders(e: LoadedExport, type: string, ext: "json" | "csv" | "pdf", variant = ""): Record<string, string> {
  const b64 = Buffer.from(e.digest, "hex").toString("base64");
  return {
    "Content-Type": type,
    ETag: ext === "json" ? `"${e.digest}"` : `"${e.digest}-${ext}${variant}"`,
    ...(ext === "json" ? { "Repr-Digest": `sha-256=:${b64}:`, Digest: `SHA-256=${b64}` } : { "X-Submission-Digest": e.digest }),
    "Content-Disposition": `inline; filename="submission-${e.id}-v${e.version}.${ext}"`,
    "Cache-Control": "public, max-age=31536000, immutable",
  };
}

/** A conditional GET for an unchanged file gets 304 and no body. */
export function notModified(request: Request, headers: Record<string, string>): Response | null {
  return request.headers.get("if-none-match") === headers.ETag ? new Response(null, { status: 304, headers }) : null;
}
