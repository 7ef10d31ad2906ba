import fc from "fast-check";

// Hostile values for the fuzzer: what a script, a broken client or an attacker sends instead of
// what a form would. Strings here are chosen to pass the PII scanner where they can, so that they
// reach the database and the pages rather than stopping at PII_DETECTED.

export const UNICODE_EDGES = [
  "\uD800", // lone high surrogate
  "\uDFFF", // lone low surrogate
  "\u202E\u202Dright-to-left override\u202C",
  "\u200F\u200E",
  "\u200D\u200C\uFEFF", // zero-width joiner, non-joiner, byte order mark
  "\u0000",
  "a\u0000b",
  "\u0001\u0007\u0008\u001B[31m\u007F",
  "\r\n\t\v\f",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\u{10FFFF}\uFFFE\uFFFF",
  "ＡＢＣ１２３", // full-width
  "\u3000\u00A0\u2028\u2029",
];

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Account\"; --",
  "\\'; SELECT pg_sleep(5); --",
  "$1 $2 ${x} %s %n",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "../../../../etc/passwd",
  "=cmd|'/c calc'!A1",
  "__proto__",
];

const edge = fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS);

/** A string of hostile pieces, possibly mixed with ordinary letters. */
export const hostileString = fc.oneof(
  edge,
  fc.array(fc.oneof(edge, fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 12 }).map((p) => p.join("")),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

/** Values nested `depth` deep, as arrays or objects: a stack overflow waiting to happen in a recursive walk. */
export function deep(depth: number, kind: "array" | "object" = "array"): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
}

const huge = fc.constantFrom("x".repeat(100_000), "字".repeat(70_000), "\u0301".repeat(50_000), Array.from({ length: 20_000 }, (_, i) => i));

/** A value of the wrong type, or an absurd one of the right type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 63), 1e308, 0.1 + 0.2) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.constantFrom(deep(2000), deep(2000, "object")) },
);

const SMUGGLED = ["role", "unionId", "platformId", "accountId", "__proto__", "constructor", "isAdmin", "verified"];

/** Replaces every string in a valid-shaped value with a hostile one (types kept, content hostile). */
function hostileStrings(value: unknown, strings: string[], i = { n: 0 }): unknown {
  if (typeof value === "string") return strings[i.n++ % strings.length];
  if (Array.isArray(value)) return value.map((v) => hostileStrings(v, strings, i));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostileStrings(v, strings, i)]));
  return value;
}

/**
 * Broken variants of a valid-shaped input: the whole input of a wrong type, one field replaced by
 * a hostile value, a field dropped, a smuggled field added, or every string made hostile.
 */
export function brokenFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const withField = (f: (o: Record<string, unknown>, keys: string[], pick: number, v: unknown) => Record<string, unknown>) =>
    fc.tuple(valid, fc.nat(), hostileValue).map(([o, pick, v]) => (o && typeof o === "object" && !Array.isArray(o) ? f({ ...(o as object) } as Record<string, unknown>, Object.keys(o), pick, v) : v));
  return fc.oneof(
    hostileValue,
    withField((o, keys, pick, v) => (keys.length ? { ...o, [keys[pick % keys.length]!]: v } : o)),
    withField((o, keys, pick) => {
      if (keys.length) delete o[keys[pick % keys.length]!];
      return o;
    }),
    withField((o, _keys, pick, v) => Object.defineProperty(o, SMUGGLED[pick % SMUGGLED.length]!, { value: v, enumerable: true, configurable: true, writable: true })),
    fc.tuple(valid, fc.array(hostileString, { minLength: 1, maxLength: 4 })).map(([o, s]) => hostileStrings(o, s)),
  );
}
