import { describe, expect, it } from "vitest";
import { isValidResidentId } from "~/lib/pii/checks";
import { findPii, redactPii, REDACTED } from "~/lib/pii/scan";

const TODAY = new Date("2026-11-28T00:00:00Z");
const kinds = (text: string) => findPii(text, TODAY).map((f) => f.kind);
const redacted = (text: string) => redactPii(text, TODAY).text;

// Valid ID numbers computed with the MOD 11-2 rule; the last character is the check digit.
const ID_X = "11010519491231002X";
const ID_DIGIT = "440305199506152716";

describe("resident ID numbers", () => {
  it("accepts valid numbers, with lowercase x, full-width digits and spaces", () => {
    expect(isValidResidentId(ID_X)).toBe(true);
    expect(isValidResidentId(ID_DIGIT)).toBe(true);
    expect(redacted(`我的身份证 ${ID_X.toLowerCase()} 丢了`)).toBe(`我的身份证 ${REDACTED} 丢了`);
    expect(redacted("号码：４４０３０５１９９５０６１５２７１６。")).toBe(`号码：${REDACTED}。`);
    expect(redacted("440305 19950615 2716")).toBe(REDACTED);
    expect(kinds(`ID${ID_DIGIT}`)).toEqual(["id"]);
  });

  it("rejects a bad check digit, region or birth date", () => {
    expect(isValidResidentId("440305199506152717")).toBe(false);
    expect(isValidResidentId("990305199506152716")).toBe(false);
    expect(isValidResidentId("440305199502302716")).toBe(false);
    expect(isValidResidentId("440305209906152716", TODAY)).toBe(false);
  });

  it("leaves ordinary 18-digit numbers alone", () => {
    for (const n of ["123456789012345678", "440305199506152717", "100000000000000000"]) {
      expect(findPii(`编号 ${n}`, TODAY)).toEqual([]);
    }
  });
});

describe("mobile numbers", () => {
  it.each([
    "13812345678",
    "+86 138 1234 5678",
    "+8613812345678",
    "0086-138-1234-5678",
    "１３８１２３４５６７８",
    "＋８６　１３９－１２３４－５６７８",
    "159 1234 5678",
  ])("finds %s", (phone) => {
    expect(redacted(`有事打 ${phone} 找我`)).toBe(`有事打 ${REDACTED} 找我`);
  });

  it("ignores numbers that only look similar", () => {
    expect(kinds("12812345678")).toEqual([]); // second digit must be 3-9
    expect(kinds("1381234567")).toEqual([]); // 10 digits
    expect(kinds("913812345678")).toEqual([]); // part of a longer number
  });
});

describe("other personal data", () => {
  it("finds licence plates, emails, labelled order numbers, long digit runs and contact ids", () => {
    expect(kinds("车牌粤B12345被拍了")).toEqual(["plate"]);
    expect(kinds("新能源车 粤B·D12345")).toEqual(["plate"]);
    expect(kinds("写信到 rider.li@example.com 吧")).toEqual(["email"]);
    expect(redacted("订单号：20261128001234 超时")).toBe(`订单号：${REDACTED} 超时`);
    expect(redacted("order no. 88812345 was late")).toBe(`order no. ${REDACTED} was late`);
    expect(kinds("3202611280012345678901")).toEqual(["order"]);
    expect(kinds("加我微信 rider_zhang88")).toEqual(["contact"]);
  });
});

describe("false positives", () => {
  it("keeps prices, dates, times, counts and ordinary words", () => {
    const text =
      "2026年11月28日 每天干12小时，一单3.5元，上个月扣了200元，罚款共1,250.00元，跑了1380单。" +
      "On 2026-11-28 I earned 6800 yuan; 8:00-22:00; order took 45 min; 粤菜 and 京东 are fine.";
    expect(findPii(text, TODAY)).toEqual([]);
    expect(redacted(text)).toBe(text);
  });
});

describe("long inputs", () => {
  it("finish on adversarial input without catastrophic backtracking", () => {
    const inputs = [
      "1".repeat(200_000),
      "1 ".repeat(100_000),
      "a".repeat(100_000) + "@",
      "a@" + "a".repeat(100_000),
      "订单号".repeat(30_000),
      "粤B".repeat(50_000),
      ("13812345678" + "x").repeat(10_000),
    ];
    for (const input of inputs) expect(Array.isArray(findPii(input, TODAY))).toBe(true);
  });
});
