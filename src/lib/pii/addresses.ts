import type { PiiMatch } from "~/lib/pii/scan";

// Street-level addresses: what tells a station manager which door to knock on. A lone "3栋" or
// "12号" is too common (dates, metro lines, stations) to mean anything, so a find needs two
// levels (building + unit or room), a street or compound before the number, or a room number.
// Bounded quantifiers only; the compound or street name is found by a bounded look back.

const BUILDING = "(?:\\d{1,3}|[a-z])(?:号楼|栋楼|栋|幢|座|号院)";
const UNIT = "\\d{1,2}(?:单元|号门)";
const FLOOR = "\\d{1,2}(?:楼|层)";
const SEP = "[ -]?";
// A bare room number only right after the building ("3栋 2000元" is a price, not a door).
const ROOM = `(?:${SEP}\\d{2,5}(?:室|房|号)|\\d{2,5}(?:室|房|号)?)`;
const LEVELS_RE = new RegExp(
  `(?<![0-9a-z])(?:${BUILDING}(?:${SEP}${UNIT})?(?:${SEP}${FLOOR})?${ROOM}?|${UNIT}${ROOM}|\\d{3,5}室)(?![0-9])`,
  "gi",
);
// 幸福里12号, 人民路88号, 123弄4号: a street word, then the door number.
const STREET_RE = /(?<=([路街巷里弄道]|小区|花园|家园|新村|公寓|苑))\d{1,5}(?:号|弄)(?:院)?(?:\d{1,4}(?:号|室))?/g;
const COMPOUND_RE = /(?:小区|花园|家园|新村|公寓|大厦|宿舍|社区|苑|城|村)$/;
// Words before 里 / 道 / 路 that make them a place in general, not a street ("这里12号发工资").
const NOT_STREET = /(?:这|那|哪|家|心|手|夜|城|知|走|一|上|路|半)[里道路]$/;
const EN_RE =
  /(?<![a-z0-9#])(?:(?:room|rm\.?|apt\.?|apartment|suite) ?#?\d{2,5}[a-z]?|(?:building|bldg\.?|block) ?\d{1,3}[a-z]?,? ?(?:unit|room|rm\.?|apt\.?|floor) ?\d{1,5}[a-z]?|\d{1,5} [a-z]{2,20}(?: [a-z]{2,20})? (?:road|rd\.|street|st\.|lane|avenue|ave\.))(?![a-z0-9])/gi;
const NAME_CHAR = /[\u4e00-\u9fff]/;
// A name stops at words that start a clause ("我住在阳光小区": the name is 阳光).
const STOP_CHAR = /[在住到是的去来从我你他她了和跟就于]/;

/** Start of the compound or street name that ends at `end`, at most 6 characters back. */
function nameStart(s: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 6 && NAME_CHAR.test(s[i - 1]!) && !STOP_CHAR.test(s[i - 1]!)) i--;
  return i;
}

function levels(text: string): number {
  return (text.match(/\d{1,5}|[a-z](?=[号栋幢座])/gi) ?? []).length;
}

/** Street-level addresses in normalised text. */
export function findAddresses(s: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const m of s.matchAll(LEVELS_RE)) {
    const before = s.slice(Math.max(0, m.index - 4), m.index);
    const compound = COMPOUND_RE.exec(before);
    if (levels(m[0]) < 2 && !compound && !m[0].endsWith("室")) continue;
    const start = compound ? nameStart(s, m.index - compound[0].length) : m.index;
    out.push({ kind: "address", start, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(STREET_RE)) {
    if (NOT_STREET.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
    out.push({ kind: "address", start: nameStart(s, m.index - m[1]!.length), end: m.index + m[0].length });
  }
  for (const m of s.matchAll(EN_RE)) out.push({ kind: "address", start: m.index, end: m.index + m[0].length });
  return out;
}
