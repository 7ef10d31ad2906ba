import fc from "fast-check";
import type { z } from "zod";

// A small deriver of fast-check arbitraries from the zod 4 schemas the procedures declare
// (zod-fast-check supports only zod 3 and fast-check 3). It reads each schema's definition
// (`_zod.def`: its type, checks, shape, options) and draws values of that shape, mostly valid.
// Refinements are not inverted: a refined field is drawn from its base type, so some draws are
// refused by validation, which is a case worth calling too. Unknown types fall back to any value.

/** Real ids and slugs from the fixtures: drawn for fields named like them, so calls get past NOT_FOUND. */
export type IdPool = { ids: string[]; slugs: string[] };

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  pattern?: RegExp;
  format?: string;
};

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) => [...(d.checks ?? []).map((c) => c._zod.def), d as unknown as Record<string, unknown>];

function bounds(d: Def) {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive = false;
  let maxExclusive = false;
  let int = false;
  const patterns: RegExp[] = [];
  let length: number | undefined;
  for (const c of checksOf(d)) {
    if (c.check === "min_length") min = Math.max(min ?? 0, c.minimum as number);
    if (c.check === "max_length") max = Math.min(max ?? Infinity, c.maximum as number);
    if (c.check === "length_equals") length = c.length as number;
    if (c.check === "greater_than") {
      min = c.value as number;
      minExclusive = !c.inclusive;
    }
    if (c.check === "less_than") {
      max = c.value as number;
      maxExclusive = !c.inclusive;
    }
    if (c.check === "number_format" && /int/.test(String(c.format))) int = true;
    if (c.pattern instanceof RegExp) patterns.push(c.pattern);
  }
  if (length !== undefined) min = max = length;
  return { min, max, minExclusive, maxExclusive, int, patterns };
}

// Words that pass the PII scanner and make sentences of a plausible length for text fields.
const WORDS = ["pay", "waiting", "rest", "day", "rider", "app", "fine", "heat", "order", "等单", "超时", "罚款", "休息", "平台", "骑手"];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 40 }).map((w) => w.join(" "));

function stringArb(d: Def, key: string, pool: IdPool): fc.Arbitrary<string> {
  const { min = 0, max = 2000, patterns } = bounds(d);
  const cap = Math.min(max, min + 300);
  const fit = (s: string) => (s.length > max ? s.slice(0, max) : s.length < min ? s.padEnd(min, "x") : s);
  const base = patterns.length
    ? fc.stringMatching(patterns[0]!, { size: "xsmall" }).map(fit)
    : fc.oneof(fc.string({ minLength: min, maxLength: cap }), sentence.map(fit), fc.string({ minLength: min, maxLength: cap, unit: "grapheme" }));
  if (/(^id|Id)$/.test(key) && pool.ids.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.ids) }, { weight: 1, arbitrary: base });
  if (/(^slug|Slug)$/.test(key) && pool.slugs.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.slugs) }, { weight: 1, arbitrary: base });
  return base;
}

function numberArb(d: Def): fc.Arbitrary<number> {
  const b = bounds(d);
  if (b.int) {
    const min = b.min === undefined ? -1_000_000 : Math.ceil(b.min) + (b.minExclusive ? 1 : 0);
    const max = b.max === undefined ? 1_000_000 : Math.floor(b.max) - (b.maxExclusive ? 1 : 0);
    return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
  }
  return fc.double({ min: b.min ?? -1e9, max: b.max ?? 1e9, noNaN: true, noDefaultInfinity: true, minExcluded: b.minExclusive, maxExcluded: b.maxExclusive });
}

/** Values of the schema's shape; `key` is the field's name, which steers ids and slugs to the pool. */
export function arbitraryOf(schema: z.ZodType, pool: IdPool = { ids: [], slugs: [] }, key = "", depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: z.ZodType, k = key) => arbitraryOf(s, pool, k, depth + 1);
  switch (d.type) {
    case "string":
    case "template_literal":
      return stringArb(d, key, pool);
    case "number":
      return numberArb(d);
    case "int":
      return fc.integer();
    case "bigint":
      return fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "literal":
      return fc.constantFrom(...(d.values ?? [null]));
    case "enum":
      return fc.constantFrom(...Object.values(d.entries ?? { x: "x" }));
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(d.innerType!), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(d.innerType!), { nil: null, freq: 4 });
    case "catch":
    case "readonly":
    case "nonoptional":
    case "success":
      return inner(d.innerType!);
    case "pipe":
      return inner(d.in!);
    case "lazy":
      return depth > 6 ? fc.constant(null) : inner(d.getter!());
    case "union":
      return fc.oneof(...d.options!.map((o) => inner(o)));
    case "intersection":
      return fc.tuple(inner(d.left!), inner(d.right!)).map(([a, b]) => (a && typeof a === "object" && b && typeof b === "object" ? { ...a, ...b } : a));
    case "array": {
      const { min = 0, max = 8 } = bounds(d);
      const elementKey = key.replace(/Ids$/, "Id").replace(/^ids$/, "id");
      return fc.array(inner(d.element!, elementKey), { minLength: min, maxLength: Math.min(max, min + 8) });
    }
    case "tuple":
      return fc.tuple(...d.items!.map((i) => inner(i)));
    case "record":
      return fc.dictionary(inner(d.keyType!) as fc.Arbitrary<string>, inner(d.valueType!), { maxKeys: 5 });
    case "object":
      return objectArb(d, inner);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(d: Def, inner: (s: z.ZodType, k?: string) => fc.Arbitrary<unknown>) {
  const shape = d.shape ?? {};
  const optional = (s: z.ZodType) => (s as unknown as { _zod: { optin?: string } })._zod.optin === "optional";
  const required = Object.keys(shape).filter((k) => !optional(shape[k]!));
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)]));
  return fc.record(fields, { requiredKeys: required }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}
