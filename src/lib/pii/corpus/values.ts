import { residentIdCheck } from "~/lib/pii/checks";
import type { Rng } from "~/lib/pii/corpus/random";

// Personal data written the ways workers write it in chat groups. Each generator returns the
// text as typed; the corpus embeds it in a sentence and remembers where it is.

const CN = "零一二三四五六七八九";
const FULL = (s: string) => s.replace(/[0-9A-Za-z+\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");
/** Digits read out: 零 or 〇 for 0, 幺 or 一 for 1, as the writer likes, one habit per number. */
function chinese(rng: Rng, digits: string): string {
  const zero = rng.pick(["零", "〇"]);
  const one = rng.pick(["一", "幺"]);
  return digits.replace(/[0-9]/g, (d) => (d === "0" ? zero : d === "1" ? one : CN[Number(d)]!));
}
const group = (s: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) parts.push(s.slice(at, (at += n)));
  if (at < s.length) parts.push(s.slice(at));
  return parts.filter(Boolean).join(sep);
};

export function mobile(rng: Rng): string {
  return `1${rng.pick("3456789".split(""))}${rng.digits(9)}`;
}

export function phone(rng: Rng): string {
  const m = mobile(rng);
  switch (rng.int(0, 12)) {
    case 0: return m;
    case 1: return `+86 ${group(m, [3, 4, 4], " ")}`;
    case 2: return `+86${m}`;
    case 3: return `0086-${group(m, [3, 4, 4], "-")}`;
    case 4: return group(m, [3, 4, 4], rng.pick([" ", "-"]));
    case 5: return group(m, [3, 4, 4], ".");
    case 6: return group(m, [3, 4, 4], "一");
    case 7: return FULL(rng.chance(0.5) ? m : `+86 ${group(m, [3, 4, 4], "-")}`);
    case 8: return group(m, [3, 8], rng.pick([" ", "-"]));
    case 9: return chinese(rng, m);
    case 10: return group(chinese(rng, m), [3, 4, 4], rng.pick([" ", ""]));
    case 11: return m.split("").join(" ");
    default: return `86-${group(m, [3, 4, 4], "-")}`;
  }
}

const REGIONS = ["11", "12", "13", "31", "32", "33", "35", "37", "41", "42", "43", "44", "45", "50", "51", "52", "53", "61", "62", "65"];

/** A valid 18-character resident ID: region, birth date, sequence and MOD 11-2 check. */
export function residentId(rng: Rng, wantX = false): string {
  for (;;) {
    const birth = new Date(Date.UTC(rng.int(1960, 2006), rng.int(0, 11), rng.int(1, 28)));
    const ymd = birth.toISOString().slice(0, 10).replace(/-/g, "");
    const first17 = `${rng.pick(REGIONS)}${String(rng.int(1, 99)).padStart(2, "0")}${String(rng.int(1, 99)).padStart(2, "0")}${ymd}${rng.digits(3)}`;
    const check = residentIdCheck(first17);
    if (!wantX || check === "X") return first17 + check;
  }
}

export function idNumber(rng: Rng): string {
  const id = residentId(rng, rng.chance(0.2));
  switch (rng.int(0, 7)) {
    case 0: return id;
    case 1: return id.toLowerCase();
    case 2: return FULL(id);
    case 3: return group(id, [6, 8, 4], " ");
    case 4: return group(id, [6, 8, 4], "-");
    case 5: return group(id, [6, 4, 4, 4], " ");
    case 6: return chinese(rng, id);
    default: return group(id, [6, 8, 4], rng.pick(["-", " "]));
  }
}

const BINS = ["6222", "6217", "6228", "6212", "6214", "6230", "6259", "4367", "6013", "6226", "6225", "6282"];

/** A Luhn-valid card number of 16 to 19 digits. */
export function cardNumber(rng: Rng, length = rng.pick([16, 16, 17, 18, 19, 19])): string {
  const body = rng.pick(BINS) + rng.digits(length - 5);
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = Number(body[i]);
    sum += double ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export function card(rng: Rng): string {
  const n = cardNumber(rng);
  const fours = Array(5).fill(4) as number[];
  switch (rng.int(0, 4)) {
    case 0: return n;
    case 1: return group(n, fours, " ");
    case 2: return group(n, fours, "-");
    case 3: return FULL(group(n, fours, " "));
    default: return group(n, fours, "  ");
  }
}
