import { chinaToday } from "~/lib/days";
import { findAddresses } from "~/lib/pii/addresses";
import { findHandles } from "~/lib/pii/handles";
import { normaliseText } from "~/lib/pii/normalise";
import { findNumbers } from "~/lib/pii/numbers";

// Personal-data scanner for free text (PRIVACY.md P5). Pure and client-safe: every form previews
// with it and the server applies it again before anything is stored.
//
// The text is first normalised one character for one (full-width to ASCII, Chinese numerals to
// digits), so every offset found is an offset in the original. Numbers are scanned by hand;
// the patterns use bounded quantifiers over fixed alternatives, so no input makes a scan
// backtrack: the time is linear in the length.

export type PiiKind = "phone" | "id" | "card" | "plate" | "email" | "order" | "contact" | "workid" | "address";
export type PiiMatch = { kind: PiiKind; start: number; end: number };

export const REDACTED = "[***]";

// Emails are looked for from each @ outwards: a regex tried at every position would read up to
// 64 characters ahead at each one.
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_RE = /[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/y;
const PLATE_RE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][ ·•-]?[A-HJ-NP-Za-hj-np-z0-9]{5,6}(?![A-Za-z0-9])/g;
// A number right after a label such as 订单号 / order no. is an order number however short.
const ORDER_LABEL_RE = /(?:订单号?|运单号?|单号|快递单|order(?: ?(?:no\.?|number|id|#))?|tracking(?: ?(?:no\.?|number))?)[ ]{0,3}[:：#]?[ ]{0,3}([A-Za-z0-9-]{6,40})/gi;

function findLabelled(s: string, out: PiiMatch[]) {
  for (let at = s.indexOf("@"); at > 0; at = s.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(s[start - 1]!)) start--;
    DOMAIN_RE.lastIndex = at + 1;
    const domain = start < at ? DOMAIN_RE.exec(s) : null;
    if (domain) out.push({ kind: "email", start, end: at + 1 + domain[0].length });
  }
  for (const m of s.matchAll(PLATE_RE)) {
    if ((m[0].match(/\d/g)?.length ?? 0) >= 3) out.push({ kind: "plate", start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(ORDER_LABEL_RE)) {
    const value = m[1]!;
    const end = m.index + m[0].length;
    if ((value.match(/\d/g)?.length ?? 0) >= 6) out.push({ kind: "order", start: end - value.length, end });
  }
}

/** Every piece of personal data found, in order, overlapping finds merged. */
export function findPii(text: string, today = chinaToday()): PiiMatch[] {
  const s = normaliseText(text);
  const found = [...findNumbers(s, today), ...findHandles(s), ...findAddresses(s)];
  findLabelled(s, found);
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
