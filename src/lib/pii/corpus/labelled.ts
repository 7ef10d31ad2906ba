import type { Rng } from "~/lib/pii/corpus/random";
import { mobile } from "~/lib/pii/corpus/values";

// Labelled personal data: the label stays readable, the value after it must go. Each generator
// returns the written text and the part of it that must be redacted.

export type Written = { text: string; secret: string };
const join = (before: string, secret: string, after = ""): Written => ({ text: before + secret + after, secret });

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const SYLLABLES = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xiao", "mei", "lei", "jun", "hao", "tian", "qi", "xue", "long", "fei"];
const word = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick(SYLLABLES)).join("");

/** A WeChat id: a letter, then 5 to 19 letters, digits, _ or -. */
export function wechatId(rng: Rng, lettersOnly = false): string {
  if (lettersOnly) return (word(rng, 2) + rng.pick(SYLLABLES)).slice(0, 18);
  switch (rng.int(0, 4)) {
    case 0: return `${word(rng, 2)}${rng.int(1, 9999)}`;
    case 1: return `${word(rng, 1)}_${word(rng, 1)}${rng.int(0, 99)}`;
    case 2: return `${rng.pick(LETTERS.split(""))}${rng.digits(rng.int(6, 10))}`;
    case 3: return `wxid_${rng.pick(LETTERS.split(""))}${rng.digits(8)}`;
    default: return `${word(rng, 1)}-${rng.int(1980, 2005)}`;
  }
}
export const qqNumber = (rng: Rng) => `${rng.int(1, 9)}${rng.digits(rng.int(4, 10))}`;

const WECHAT = ["微信", "微信号", "V信", "v信", "威信", "薇信", "vx", "VX", "Vx", "wx", "WX", "VX号", "vx号", "wx号", "加V", "+V"];
const QQ = ["扣扣", "扣扣号", "QQ", "qq", "QQ号", "Q号", "企鹅", "企鹅号"];
const CONNECT = ["", " ", "：", ":", "是", "号是", ": ", "搜", " : "];

export function contactZh(rng: Rng): Written {
  const qq = rng.chance(0.4);
  const label = rng.pick(qq ? QQ : WECHAT);
  let connect = rng.pick(CONNECT);
  if (label.endsWith("号") && connect.startsWith("号")) connect = connect.slice(1);
  const value = qq ? qqNumber(rng) : rng.chance(0.15) ? mobile(rng) : wechatId(rng, rng.chance(0.15));
  // A handle of letters only right after an ASCII label cannot be told from a word ("vxabc").
  if (!connect.trim() && /[a-z]$/i.test(label) && /^[a-z]/i.test(value)) connect = " ";
  return join(label + connect, value);
}

export function contactEn(rng: Rng): Written {
  const digits = rng.chance(0.3);
  const value = digits ? qqNumber(rng) : wechatId(rng);
  const app = digits ? rng.pick(["QQ", "qq", "QQ number", "qq id"]) : rng.pick(["wechat", "WeChat", "Wechat", "weixin"]);
  const frame = rng.pick([
    (s: string) => `${app} id is ${s}`,
    (s: string) => `my ${app}: ${s}`,
    (s: string) => `add me on ${app} ${s}`,
    (s: string) => `add me on ${app}: ${s}`,
    (s: string) => `${app} ID: ${s}`,
    (s: string) => `my ${app} is ${s}`,
    (s: string) => `find me on ${app} at ${s}`,
    (s: string) => `${app}: ${s}`,
  ]);
  return { text: frame(value), secret: value };
}

export function contactLettersOnlyEn(rng: Rng): Written {
  const value = wechatId(rng, true);
  return join(rng.pick(["wechat id is ", "my WeChat ID: ", "WeChat id ", "wechat: ", "add me on wechat: "]), value);
}

const WORK = ["工号", "工号是", "工号：", "员工号", "骑手号", "骑手号:", "骑手ID", "骑手ID：", "骑手id ", "骑手编号", "司机编号", "司机编号是", "司机ID ", "rider ID ", "rider id: ", "driver ID ", "employee ID: ", "staff id "];
export function workId(rng: Rng): Written {
  const label = rng.pick(WORK);
  const code = rng.pick([() => rng.digits(rng.int(4, 9)), () => `${rng.pick("ABDRSWM".split(""))}${rng.digits(rng.int(4, 8))}`, () => `${rng.pick(["QS", "MT", "ELM", "DD"])}-${rng.digits(rng.int(4, 7))}`])();
  return join(label, code);
}
export function streamerId(rng: Rng): Written {
  const code = rng.chance(0.5) ? `${word(rng, 2)}${rng.pick(["_live", "520", "888", "_zb", "tv"])}` : rng.digits(rng.int(6, 10));
  return join(rng.pick(["主播ID", "主播ID是", "主播ID：", "主播号 ", "抖音号 ", "快手号："]), code);
}

const NAMES = ["阳光", "幸福", "锦绣", "翠苑", "金地", "万科", "碧桂", "龙湖", "紫荆", "清水湾", "南山", "城东", "和平", "建设", "胜利", "东方"];
const SUFFIX = ["小区", "花园", "家园", "新村", "公寓", "苑"];
const cn = (n: number) => String(n).replace(/\d/g, (d) => "零一二三四五六七八九"[Number(d)]!);

export function address(rng: Rng): Written {
  const b = rng.int(1, 30), u = rng.int(1, 6), room = `${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, "0")}`;
  const name = rng.pick(NAMES), suffix = rng.pick(SUFFIX);
  switch (rng.int(0, 9)) {
    case 0: return join(name + suffix, `${b}栋${u}单元${room}`);
    case 1: return join(name + suffix, `${b}号楼${room}室`);
    case 2: return join("", `${b}号楼${room}室`);
    case 3: return join("", `${b}栋${u}单元${room}`);
    case 4: return join(name + suffix, `${b}栋`);
    case 5: return join(name + rng.pick(["里", "路", "街", "巷"]), `${rng.int(1, 300)}号`);
    case 6: return join(name + "路", `${rng.int(1, 999)}弄${rng.int(1, 60)}号`);
    case 7: return join(name + suffix, `${rng.pick("ABCDE".split(""))}座${room}`);
    case 8: return join(name + suffix, `${cn(b)}栋${cn(u)}单元${cn(Number(room))}`);
    default: return join(name + suffix, `${b}幢${u}单元${room}室`);
  }
}
export function addressEn(rng: Rng): Written {
  const room = `${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, "0")}`;
  return rng.pick([
    () => join("", `Room ${room}`),
    () => join("", `Building ${rng.int(1, 20)}, Unit ${rng.int(1, 6)}`),
    () => join("", `${rng.int(1, 999)} ${rng.pick(["Renmin", "Zhongshan", "Jiefang", "Xingfu"])} ${rng.pick(["Road", "Street", "Lane", "Avenue"])}`),
    () => join("", `apt ${room}`),
  ])();
}

export function email(rng: Rng): Written {
  return join("", `${word(rng, 1)}${rng.pick([".", "_", ""])}${word(rng, 1)}${rng.int(1, 99)}@${rng.pick(["qq.com", "163.com", "126.com", "example.com", "foxmail.com"])}`);
}
export function plate(rng: Rng): Written {
  const letter = rng.pick("ABCDEFGHJK".split(""));
  const rest = rng.chance(0.3) ? `D${rng.digits(5)}` : `${rng.digits(3)}${rng.pick("ABCDEFGHJK".split(""))}${rng.digits(1)}`;
  return join("", `${rng.pick(["粤", "京", "沪", "浙", "川", "苏"])}${letter}${rng.pick(["", "·", " "])}${rest}`);
}
export function order(rng: Rng): Written {
  return join(rng.pick(["订单号", "订单号：", "单号 ", "运单号:", "order no. ", "order #"]), rng.digits(rng.int(8, 20)));
}
