// Text normalisation for the personal-data scanner. Every function here maps one UTF-16 unit to
// one unit, so offsets found in the normalised text are offsets in what the worker typed.

/** Full-width digits, letters and signs become ASCII; same length, so offsets still match. */
export function normaliseWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Numbers read aloud or typed to dodge filters: 零/〇/○ for 0, 幺 for 1 (as said on the phone),
// and the financial forms. 一 is left out: it is also typed as a dash (138一1234一5678).
const CN_DIGITS: Record<string, string> = {
  零: "0", 〇: "0", "○": "0", 幺: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
  壹: "1", 贰: "2", 叁: "3", 肆: "4", 伍: "5", 陆: "6", 柒: "7", 捌: "8", 玖: "9",
};
const UNIT_WORDS = new Set(["栋", "幢", "单", "座", "号", "楼", "层", "室"]);
const CN_RE = /[零〇○幺二三四五六七八九壹贰叁肆伍陆柒捌玖一]/g;

/**
 * Width-normalised text with Chinese numerals as ASCII digits. 一 becomes 1 only beside another
 * Chinese numeral or before a building word (一栋, 一单元), so 统一 stays a word and 138一1234
 * keeps 一 as a separator.
 */
export function normaliseText(text: string): string {
  const s = normaliseWidth(text);
  return s.replace(CN_RE, (c, at: number) => {
    if (c !== "一") return CN_DIGITS[c]!;
    const near = (i: number) => i >= 0 && i < s.length && (s[i] === "一" || s[i]! in CN_DIGITS);
    return near(at - 1) || near(at + 1) || UNIT_WORDS.has(s[at + 1] ?? "") ? "1" : c;
  });
}
