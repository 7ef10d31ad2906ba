// Personal-data scanner for free text (PRIVACY.md P5). Pure and client-safe: the stepper shows
// the redacted preview with it and the server applies it again before anything is stored.
//
// Every pattern uses bounded quantifiers and alternatives that cannot overlap, so a scan is
// linear in the input: no input can make it backtrack catastrophically.

import { chinaToday } from "~/lib/days";

export type PiiKind = "phone" | "id" | "plate" | "email" | "order" | "contact";
export type PiiMatch = { kind: PiiKind; start: number; end: number };

export const REDACTED = "[***]";

/** Full-width digits, letters and signs become ASCII; same length, so offsets still match. */
export function normaliseWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// GB 11643: the first two digits are a province-level region.
const REGIONS = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** ISO 7064 MOD 11-2 check digit, region code and birth date of an 18-character ID number. */
export function isValidResidentId(raw: string, today = chinaToday()): boolean {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!REGIONS.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > today) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === id[17];
}

const ID_RE = /(?<![0-9])(?:\d[ -]?){17}[0-9Xx](?![0-9])/g;
// Mainland mobiles: 1[3-9] + 9 digits, optionally +86 / 0086, with a few spaces or dashes.
const PHONE_RE = /(?<![0-9])(?:(?:\+|00) ?86[ -]{0,2})?1[3-9](?:[ -]{0,2}\d){9}(?![0-9])/g;
const EMAIL_RE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const PLATE_RE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][ ·•-]?[A-HJ-NP-Za-hj-np-z0-9]{5,6}(?![A-Za-z0-9])/g;
// A number right after a label such as 订单号 / order no. is an order number however short.
const ORDER_LABEL_RE = /(?:订单号?|运单号?|单号|快递单|order(?: ?(?:no\.?|number|id|#))?|tracking(?: ?(?:no\.?|number))?)[ ]{0,3}[:：#]?[ ]{0,3}([A-Za-z0-9-]{6,40})/gi;
// Unlabelled digit runs longer than an ID number (19+) are taken as order or card numbers.
// 18-digit runs are flagged only when they are valid ID numbers, so ordinary numbers pass.
const LONG_RUN_RE = /(?<![0-9])\d{19,64}(?![0-9])/g;
const CONTACT_RE = /(?:微信号?|vx|wx|wechat|qq)[ ]{0,3}[:：]?[ ]{0,3}([A-Za-z][A-Za-z0-9_-]{5,19}|\d{5,12})(?![A-Za-z0-9_-])/gi;

function* matches(re: RegExp, text: string) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** Every piece of personal data found, in order, overlapping finds merged. */
export function findPii(text: string, today = chinaToday()): PiiMatch[] {
  const s = normaliseWidth(text);
  const found: PiiMatch[] = [];
  const add = (kind: PiiKind, start: number, end: number) => found.push({ kind, start, end });

  for (const m of matches(ID_RE, s)) {
    if (isValidResidentId(m[0].replace(/[ -]/g, ""), today)) add("id", m.index, m.index + m[0].length);
  }
  for (const m of matches(PHONE_RE, s)) add("phone", m.index, m.index + m[0].length);
  for (const m of matches(EMAIL_RE, s)) add("email", m.index, m.index + m[0].length);
  for (const m of matches(PLATE_RE, s)) {
    if ((m[0].match(/\d/g)?.length ?? 0) >= 3) add("plate", m.index, m.index + m[0].length);
  }
  for (const m of matches(ORDER_LABEL_RE, s)) {
    const value = m[1]!;
    if ((value.match(/\d/g)?.length ?? 0) >= 6) add("order", m.index + m[0].length - value.length, m.index + m[0].length);
  }
  for (const m of matches(LONG_RUN_RE, s)) add("order", m.index, m.index + m[0].length);
  for (const m of matches(CONTACT_RE, s)) {
    const value = m[1]!;
    add("contact", m.index + m[0].length - value.length, m.index + m[0].length);
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiMatch[] = [];
  for (const f of found) {
    const last = merged.at(-1);
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

/** The text with each find replaced by a marker, and what was found (kinds only). */
export function redactPii(text: string, today = chinaToday()): { text: string; found: PiiMatch[] } {
  const found = findPii(text, today);
  let out = "";
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + REDACTED;
    at = f.end;
  }
  return { text: out + text.slice(at), found };
}

/** How many of each kind, for the "we removed ..." summary. */
export function countKinds(found: readonly PiiMatch[]): Partial<Record<PiiKind, number>> {
  const counts: Partial<Record<PiiKind, number>> = {};
  for (const f of found) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** The one question most features ask of free text before storing it. */
export function containsPii(text: string): boolean {
  return findPii(text).length > 0;
}
