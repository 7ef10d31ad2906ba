// PRIVACY.md P5 for demand text: personal data is found before anything is stored. Client-safe
// (the form shows the redaction live) and linear-time: every pattern is bounded, no nesting.

export type PiiKind = "phone" | "idNumber" | "email" | "plate" | "orderNumber";

const fullWidth = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\uFF38\uFF58]/g, "X");

const PATTERNS: [PiiKind, RegExp][] = [
  ["email", /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4}/g],
  ["idNumber", /(?<![0-9])[1-9][0-9]{5}(?:[ -]?[0-9]){11}[ -]?[0-9Xx](?![0-9])/g],
  ["phone", /(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]){8}(?![0-9])/g],
  ["plate", /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][ ·]?[A-Z0-9]{5,6}/g],
  ["orderNumber", /(?<![0-9])[0-9]{12,}(?![0-9])/g],
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** PRC resident ID: ISO 7064 MOD 11-2 check digit, plausible region and birth date. */
export function isResidentId(raw: string): boolean {
  const id = raw.replace(/[ -]/g, "").toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && Number(id.slice(0, 2)) >= 11;
}

export type PiiFinding = { kind: PiiKind; start: number; end: number };

export function findPii(input: string): PiiFinding[] {
  const text = fullWidth(input.slice(0, 20_000));
  const found: PiiFinding[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (kind === "idNumber" && !isResidentId(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text with each finding replaced by a marker, so the worker sees what would be removed. */
export function redactPii(input: string, marker = "[…]"): string {
  let out = "";
  let at = 0;
  for (const f of findPii(input)) {
    out += input.slice(at, f.start) + marker;
    at = f.end;
  }
  return out + input.slice(at);
}
