import { describe, expect, it } from "vitest";
import { basicPiiCheck } from "./pii-check";

describe("the petitions' personal-data check", () => {
  it.each(["call 13812345678", "+86 138-1234-5678", "电话：１３８１２３４５６７８", "身份证11010519491231002x", "mail me: a.b@example.cn", "车牌粤B12345"])("finds %s", (t) => {
    expect(basicPiiCheck(t)).toBe(true);
  });
  it.each(["我们等餐超过 20 分钟", "每单 3.5 元，一天 40 单", "2026 年 11 月 28 日", "订单超时罚款 50 元"])("lets ordinary numbers pass: %s", (t) => {
    expect(basicPiiCheck(t)).toBe(false);
  });
  it("answers quickly on long inputs", () => {
    const started = Date.now();
    basicPiiCheck("1".repeat(50_000) + "a@".repeat(20_000));
    expect(Date.now() - started).toBeLessThan(500);
  });
});
