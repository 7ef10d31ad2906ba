import { isLuhnValid, isValidResidentId, REGIONS } from "~/lib/pii/checks";
import type { PiiMatch } from "~/lib/pii/scan";

// Numbers, scanned by hand in one pass (no regex, so no backtracking): a chunk is digit groups
// joined by at most three separators (space, dash, dot, 一 typed as a dash...). A phone, ID or
// card is a window of whole groups, so a mobile inside a longer number is not one, and the
// window's shape decides what it can be. Input is normaliseText's: ASCII digits, same offsets.

const SEPARATORS = new Set([" ", "-", ".", "·", "一", "—", "–", "_", "\t"]);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const MAX_WINDOW = 21;

type Group = { start: number; end: number; digits: string };

// Cheap tests first: most 18-digit windows fail on the region or the check digit.
function isIdAt(d: string, at: number, today: Date) {
  if (!isDigit(d[at]) || !isDigit(d[at + 1]) || !REGIONS.has(Number(d.slice(at, at + 2)))) return false;
  return isValidResidentId(d.slice(at, at + 18), today);
}

const isMobileAt = (d: string, at: number) => d[at] === "1" && d[at + 1]! >= "3";
const cc = (d: string, at: number) => (d.startsWith("0086", at) ? 4 : d.startsWith("86", at) ? 2 : 0);

/**
 * Windows of whole groups, from each group onwards, at most MAX_WINDOW digits long; what a window
 * can be follows from its length and shape, kept up to date as it grows (no copies, so a 2,000
 * character field of "1 1 1 ..." costs microseconds). The longest find from a group wins.
 */
function scanChunk(s: string, groups: Group[], today: Date, out: PiiMatch[]) {
  const d = groups.map((g) => g.digits).join("");
  const off = [0];
  for (const g of groups) off.push(off.at(-1)! + g.digits.length);
  for (let i = 0; i < groups.length; ) {
    let best: { end: number; kind: PiiMatch["kind"]; x: boolean } | null = null;
    // Shapes: every group 1 digit (spelt out), every group 3+ digits, all but the last 4 digits
    // (a card); and the same from the second group, after a separate 86 / 0086.
    let ones = true, twos = true, threes = true, fours = true, restOnes = true, restThrees = true;
    const code = cc(d, off[i]!) === groups[i]!.digits.length ? groups[i]!.digits.length : 0;
    const at = off[i]!;
    for (let j = i; j < groups.length; j++) {
      const n = groups[j]!.digits.length;
      const full = off[j + 1]! - at;
      if (full > MAX_WINDOW && j > i) break;
      // An X ends a chunk: an ID number's check character, or a letter after some other number.
      const x = !isDigit(d[at + full - 1]);
      const len = x ? full - 1 : full;
      const lastFour = fours && n - (x ? 1 : 0) <= 4;
      ones &&= n === 1;
      twos &&= n >= 2;
      threes &&= n >= 3;
      if (j > i) {
        restOnes &&= n === 1;
        restThrees &&= n >= 3;
      }
      const single = j === i;
      let kind: PiiMatch["kind"] | null = null;
      // ID numbers are written whole or in groups of two or more (6-8-4, 6-4-4-4).
      if (full === 18 && twos && isIdAt(d, at, today)) kind = "id";
      else if (len >= 16 && len <= 19 && (single || lastFour) && isLuhnValid(d.slice(at, at + len))) kind = "card";
      else if (single && len >= 19) kind = "order";
      else if (len === 11 && isMobileAt(d, at) && (single || ones || threes)) kind = "phone";
      else if (single && (len === 13 || len === 15) && cc(d, at) === len - 11 && isMobileAt(d, at + len - 11)) kind = "phone";
      else if (code && !single && len === code + 11 && isMobileAt(d, at + code) && (j === i + 1 || restOnes || restThrees)) kind = "phone";
      if (kind) best = { end: j, kind, x: x && kind !== "id" };
      fours &&= n === 4;
      // Past a mobile's length only an ID, a card or a mobile after its country code can follow.
      if (full >= 11 && !twos && !fours && (!code || full >= code + 11)) break;
    }
    if (!best) {
      i++;
      continue;
    }
    const start = groups[i]!.start;
    out.push({ kind: best.kind, start: best.kind === "phone" && s[start - 1] === "+" ? start - 1 : start, end: groups[best.end]!.end - (best.x ? 1 : 0) });
    i = best.end + 1;
  }
}

/** Phones, ID numbers, bank cards and long unlabelled numbers in normalised text. */
export function findNumbers(s: string, today: Date): PiiMatch[] {
  const out: PiiMatch[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i])) {
      i++;
      continue;
    }
    const groups: Group[] = [];
    for (;;) {
      const start = i;
      while (isDigit(s[i])) i++;
      // An ID number's check character X ends its chunk.
      const x = (s[i] === "X" || s[i] === "x") && !/[A-Za-z0-9]/.test(s[i + 1] ?? "");
      if (x) i++;
      groups.push({ start, end: i, digits: s.slice(start, i) });
      if (x) break;
      let j = i;
      while (j < s.length && j - i < 3 && SEPARATORS.has(s[j]!)) j++;
      if (j === i || !isDigit(s[j])) break;
      i = j;
    }
    scanChunk(s, groups, today, out);
  }
  return out;
}
