import { describe, expect, it } from "vitest";
import { findPii, isResidentId, redactPii } from "~/features/demands/pii";

describe("PII in demand text", () => {
  it("finds phones with +86, spaces, dashes and full-width digits", () => {
    for (const t of ["call 13812345678", "+86 138 1234 5678", "138-1234-5678", "电话１３８１２３４５６７８"]) expect(findPii(t).map((f) => f.kind), t).toEqual(["phone"]);
  });
  it("finds valid resident ID numbers only", () => {
    expect(isResidentId("11010519491231002X")).toBe(true);
    expect(isResidentId("11010519491231002x")).toBe(true);
    expect(isResidentId("110105194912310021")).toBe(false);
    expect(findPii("身份证 11010519491231002X").map((f) => f.kind)).toEqual(["idNumber"]);
  });
  it("finds emails, plates and order numbers, and leaves ordinary numbers alone", () => {
    expect(findPii("mail a.b@example.com").map((f) => f.kind)).toEqual(["email"]);
    expect(findPii("车牌粤B12345").map((f) => f.kind)).toEqual(["plate"]);
    expect(findPii("订单 202611280001234567").map((f) => f.kind)).toEqual(["orderNumber"]);
    expect(findPii("每天工作 12 小时，每单 3.5 元，2026 年扣了 200 元")).toEqual([]);
  });
  it("redacts what it finds and stays fast on long input", () => {
    expect(redactPii("找我 13812345678 谢谢")).toBe("找我 […] 谢谢");
    const started = performance.now();
    findPii("1".repeat(20_000) + "a@".repeat(5000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
