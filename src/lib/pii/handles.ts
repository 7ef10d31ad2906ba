import type { PiiMatch } from "~/lib/pii/scan";

// Messaging handles and work ids: a label in one of its everyday spellings, a short connector,
// then the code. Every part is bounded and the alternatives are fixed words, so each match
// attempt costs a constant: the scan is linear. Only the code is redacted; the label stays.

// 微信 is filtered by platforms, so V信 / 威信 / 薇信 / vx / wx are the normal way to write it.
const CONTACT_LABEL =
  "微信号?|威信号?|薇信号?|徽信号?|维信号?|v信号?|[vw]x号?|加v|\\+v|wechat(?: ?id)?|weixin|qq(?: ?(?:id|number|no\\.?|号))?|扣扣号?|q号|企鹅号?|telegram|whatsapp";
const WORK_LABEL =
  "工号|员工号|员工编号|骑手号|骑手id|骑手编号|骑手账号|配送员编号|司机编号|司机id|司机号|主播id|主播号|达人id|抖音号|快手号|rider ?id|driver ?id|staff ?id|worker ?id|employee ?(?:id|no\\.?|number)|badge ?(?:no\\.?|number)";
// "号" or "id" before the value, or a colon, marks an explicit id: then a code of letters only is
// taken too ("wechat id is zhangwei"); after a bare English label it could be any word.
const CONNECTOR = "([ \\t]{0,3}(?:(?:id|号|账号)[ \\t]{0,2})?(?:是|为|:|：|=|#|is|at|搜)?[ \\t]{0,3})";
const CODE = "([a-z0-9][a-z0-9_-]{2,23})(?![a-z0-9_-])";

const CONTACT_RE = new RegExp(`(?<![a-z0-9_])(${CONTACT_LABEL})${CONNECTOR}${CODE}`, "gi");
const WORK_RE = new RegExp(`(?<![a-z0-9_])(${WORK_LABEL})${CONNECTOR}${CODE}`, "gi");

const ASCII_START = /^[a-z+]/i;
const HANDLE_NAMES = /^(?:主播|达人|抖音|快手)/;

// In a Chinese sentence ("我的VX chenwulong") an English word after the label is the handle.
const CJK = /[\u4e00-\u9fff]/;

function accept(kind: "contact" | "workid", label: string, connector: string, code: string, before: string): boolean {
  const digits = code.replace(/\D/g, "").length;
  const lettersOnly = !/[0-9_-]/.test(code);
  // Letters glued to an ASCII label are one word (wxyz), never a label and a handle.
  if (lettersOnly && ASCII_START.test(label) && /[a-z]$/i.test(label) && !connector) return false;
  const explicit = /[:：号=#是为搜]|id/i.test(label + connector) || !ASCII_START.test(label) || CJK.test(before);
  if (kind === "workid") return digits > 0 || (HANDLE_NAMES.test(label) && code.length >= 5);
  if (lettersOnly) return explicit && /^[a-z]/i.test(code) && code.length >= 6;
  // WeChat ids start with a letter and have 6+ characters; QQ numbers have 5 to 11 digits.
  if (/^[0-9]+$/.test(code)) return code.length >= 5 && code.length <= 13;
  return /^[a-z]/i.test(code) ? code.length >= 6 : digits >= 5;
}

function scan(re: RegExp, kind: "contact" | "workid", s: string, out: PiiMatch[]) {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const [whole, label, connector, code] = m as unknown as [string, string, string, string];
    if (accept(kind, label, connector, code, s[m.index - 1] ?? "")) out.push({ kind, start: m.index + whole.length - code.length, end: m.index + whole.length });
    // A rejected find may hide a label inside its code ("vx wx_rider01"): resume after the label.
    else re.lastIndex = m.index + label.length;
  }
}

/** Contact handles and work ids in normalised text. */
export function findHandles(s: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  scan(CONTACT_RE, "contact", s, out);
  scan(WORK_RE, "workid", s, out);
  return out;
}
