// Strings with a lone UTF-16 surrogate are not text: no form or keyboard makes one (browsers
// encode them as U+FFFD), only a script sending JSON escapes such as "\ud800". Prisma's query
// compiler cannot serialise them and failed with a 500 on every string field (found by the
// fuzzer, issue 14), so every input is checked once where it enters, as BAD_INPUT.

const LONE_SURROGATE = /\p{Cs}/u;

/** True when no string in the value, keys included, holds a lone surrogate. Iterative, so deep nesting cannot overflow the stack. */
export function isWellFormedInput(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (LONE_SURROGATE.test(v)) return false;
    } else if (v && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) return false;
        stack.push(inner);
      }
    }
  }
  return true;
}
