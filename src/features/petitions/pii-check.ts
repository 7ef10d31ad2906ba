// The petitions feature asks one question of free text: does it hold personal data (P5)?
// A small interface so the shared scanner (src/lib/pii.ts, written in parallel) can replace
// `basicPiiCheck` at merge by changing the one line below.

export type PiiCheck = (text: string) => boolean;

// Chinese mobiles (optionally +86, spaces, dashes), 18-character resident ID numbers, emails and
// plates. Normalises full-width digits first. Bounded patterns only: no catastrophic backtracking.
const PHONE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;
const RESIDENT_ID = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4}/;
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·\s-]?[A-Z0-9]{5,6}/;

export function normaliseDigits(text: string) {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/\uFF0B/g, "+");
}

export const basicPiiCheck: PiiCheck = (text) => {
  const t = normaliseDigits(text);
  return PHONE.test(t) || RESIDENT_ID.test(t) || EMAIL.test(t) || PLATE.test(t.toUpperCase());
};

export const containsPii: PiiCheck = basicPiiCheck;
