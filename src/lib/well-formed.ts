// Strings with a lone UTF-16 surrogate or a NUL are not text: no form or keyboard makes one
// (browsers encode lone surrogates as U+FFFD), only a script sending JSON escapes such as
// "\ud800" or "\u0000". Prisma's query compiler cannot serialise lone surrogates and
// PostgreSQL stores no NUL in text (error 22021); both failed with a 500 on every string field
// (found by the fuzzer, issue 14), so every input is checked once where it enters, as BAD_INPUT.

const NOT_TEXT = /[\p{Cs}\u0000]/u;

/** True when no string in the value, keys included, holds a lone surrogate or a NUL. Iterative, so deep nesting cannot overflow the stack. */
export function isWellFormedInput(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (NOT_TEXT.test(v)) return false;
    } else if (v && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        if (NOT_TEXT.test(k)) return false;
        stack.push(inner);
      }
    }
  }
  return true;
}
