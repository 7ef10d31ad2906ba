import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, digestOf } from "~/features/submissions/canonical";
import type { SubmissionDocument } from "~/features/submissions/document";
import { sampleDocument } from "~/test/sample-document";

// P9: anyone can recompute the digest from the JSON export with any JCS implementation.

/** The same object with every key order reversed, at every depth. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

describe("canonical JSON and digest", () => {
  it("is RFC 8785: sorted keys, no whitespace, UTF-8 text, independent of key order", () => {
    const doc = sampleDocument();
    const text = canonicalJson(doc);
    expect(text.startsWith('{"breakdowns":[{"dim":"city","groups":[{"ballots":100,')).toBe(true);
    expect(text).not.toMatch(/\n|": |, "/);
    expect(text).toContain("取消超时罚款");
    expect(canonicalJson(reversed(doc) as SubmissionDocument)).toBe(text);
  });

  it("has a digest that the export's bytes recompute, and re-canonicalising the export changes nothing", () => {
    const text = canonicalJson(sampleDocument());
    const digest = digestOf(text);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const exported = Buffer.from(text, "utf8");
    expect(createHash("sha256").update(exported).digest("hex")).toBe(digest);
    expect(canonicalJson(JSON.parse(exported.toString("utf8")))).toBe(text);
    expect(digestOf(canonicalJson(sampleDocument({ coverLetter: "changed" })))).not.toBe(digest);
  });

  it("refuses fields outside the public schema", () => {
    expect(() => canonicalJson({ ...sampleDocument(), accountId: "x" } as never)).toThrow();
    expect(() => canonicalJson(sampleDocument({ participation: { ballots: 3.5, verifiedShare: null, demandsProposed: 1, demandsApproved: 1 } }))).toThrow();
  });
});
