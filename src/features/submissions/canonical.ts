import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { submissionDocument, type SubmissionDocument } from "~/features/submissions/document";

// The bytes that are hashed and served are RFC 8785 (JSON Canonicalization Scheme): keys sorted
// by UTF-16 code units, no whitespace, ECMAScript number formatting. Anyone can recompute the
// digest with any JCS implementation: sha256(canonical JSON as UTF-8), lowercase hex.

export function canonicalJson(doc: SubmissionDocument): string {
  const text = canonicalize(submissionDocument.parse(doc));
  if (text === undefined) throw new Error("document is not serialisable");
  return text;
}

export function digestOf(canonical: string): string {
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
