import { describe, expect, it } from "vitest";
import { findPii, redactPii, REDACTED, type PiiKind } from "~/lib/pii/scan";

// Issue 17: each kind in every everyday writing the issue lists, and the ordinary text it lists
// that must pass untouched. The written value must come back exactly (offsets in the original).

const TODAY = new Date("2026-11-28T00:00:00Z");
const spans = (text: string) => findPii(text, TODAY).map((f) => ({ kind: f.kind, text: text.slice(f.start, f.end) }));

function expectFound(kind: PiiKind, before: string, value: string, after = "") {
  expect(spans(before + value + after)).toEqual([{ kind, text: value }]);
}

describe("contact handles in their everyday spellings", () => {
  it.each(["V信", "v信", "威信", "薇信", "vx", "VX", "wx", "VX号", "wx号", "微信", "微信号"])("%s and a WeChat id", (label) => {
    expectFound("contact", `有事加我${label}：`, "rider_zhang88", "，晚上回");
    expectFound("contact", `${label} `, "lihua2024");
    expectFound("contact", `我的${label}是`, "zhangwei");
  });
  it.each(["扣扣", "Q号", "企鹅", "QQ", "扣扣号", "企鹅号"])("%s and a QQ number", (label) => {
    expectFound("contact", `${label} `, "123456789", " 有事找我");
    expectFound("contact", `${label}是`, "87654321");
  });
  it.each([
    ["my wechat id is ", "zhangwei"],
    ["my wechat: ", "li_hua_88"],
    ["add me on wechat ", "lee1988"],
    ["add me on WeChat: ", "xiaomei"],
    ["WeChat ID: ", "wxid_k12345678"],
    ["my QQ number is ", "2837465"],
  ])("%s...", (label, handle) => expectFound("contact", label, handle, " after work"));
});

describe("numbers written differently", () => {
  it.each(["138.1234.5678", "138一1234一5678", "一三八一二三四五六七八", "幺三八零零〇〇幺二三四", "一三八 一二三四 五六七八", "+86 138.1234.5678", "1 3 8 1 2 3 4 5 6 7 8"])(
    "mobile %s",
    (phone) => expectFound("phone", "打", phone, "找我"),
  );
  it.each(["四四〇三〇五一九九五〇六一五二七一六", "440305-19950615-2716", "440305-1995-0615-2716", "幺幺零幺零五幺九四九幺二三幺零零二X", "11010519491231002x"])("ID %s", (id) =>
    expectFound("id", "身份证号", id, "，丢了"),
  );
});

describe("bank card numbers", () => {
  it.each(["6222021234567894", "6222 0212 3456 7894", "6222-0212-3456-7894", "6217 0012 3456 7890 122", "621700123456789011", "43670012345678902"])(
    "Luhn-valid %s",
    (card) => expectFound("card", "工资卡", card, "，钱没到"),
  );
  it("leaves a grouped number with a wrong check digit alone", () => {
    expect(spans("编号 6222 0212 3456 7895")).toEqual([]);
  });
});

describe("street-level addresses", () => {
  it.each([
    ["住在", "阳光小区3栋2单元502", "，晚上在"],
    ["", "3号楼501室", "门口"],
    ["住", "幸福里12号", ""],
    ["在", "锦绣花园12号楼3单元1001室", ""],
    ["地址 ", "人民路88号", "二楼"],
    ["my place is ", "Room 502", ", Building 3"],
  ])("%s%s", (before, address, after) => expect(spans(before + address + after).map((s) => s.text)).toContain(address));
});

describe("work and rider ids", () => {
  it.each([
    ["工号", "A12345"],
    ["骑手号：", "88231"],
    ["骑手ID ", "R882310"],
    ["司机编号是", "D-2231"],
    ["主播ID：", "xiaomei_live"],
    ["my rider id is ", "R12345"],
  ])("%s", (label, code) => expectFound("workid", label, code, "，被封了"));
});

describe("ordinary numbers and words pass untouched", () => {
  it.each([
    "一单3.5元，配送费从4.2降到3.8元",
    "今天跑了38单，上个月一共1380单",
    "抽成25%，差评率1.5%",
    "2026年11月28日开始，2026-11-28 扣的钱，11月12号发工资",
    "2026.11.28 13:45，早上8:00到晚上22:00",
    "一单3.2公里，每天骑120公里，12 km per delivery",
    "我们是3号站的，12号站点，坐地铁3号线，站点编号 2031",
    "最低工资才2690元，每小时23.5元",
    "打10086没用，投诉打12315，12345热线，95188，客服 400-820-8820",
    "qq音乐会员，wxyz 是什么意思，VX 版本更新了，微信支付，企鹅电竞，工号牌掉了",
    "3室1厅住了6个人，这里12号发工资，3号楼下面等单，住3栋 一个月800",
    "my wechat is blocked, add me on wechat instead, the rider id card was lost",
  ])("%s", (text) => {
    expect(findPii(text, TODAY)).toEqual([]);
    expect(redactPii(text, TODAY).text).toBe(text);
  });
});

it("redacts the value and keeps the label readable", () => {
  expect(redactPii("加我V信：rider_88，卡号 6222 0212 3456 7894", TODAY).text).toBe(`加我V信：${REDACTED}，卡号 ${REDACTED}`);
});
