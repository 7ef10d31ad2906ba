import { describe, expect, it } from "vitest";
import { safeReturnTo, withReturnTo } from "~/lib/return-to";

describe("safeReturnTo", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnTo("/petitions/abc/sponsor/tok?x=1")).toBe("/petitions/abc/sponsor/tok?x=1");
    expect(safeReturnTo("/verify?code=ABCD-EFGH")).toBe("/verify?code=ABCD-EFGH");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil", "", 42, null, "/" + "a".repeat(600)]) {
      expect(safeReturnTo(bad)).toBeNull();
    }
  });

  it("builds sign-in links that carry the way back, or none", () => {
    expect(withReturnTo("/sign-in", "/verify?code=A B")).toBe("/sign-in?next=%2Fverify%3Fcode%3DA%2520B");
    expect(withReturnTo("/join", "https://evil.example")).toBe("/join");
  });
});
