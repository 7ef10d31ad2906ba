// Where to go after signing in or joining: only a path on this site, never another origin
// ("//evil.example", "/\evil.example" and absolute URLs are refused), so a shared link cannot
// turn the sign-in page into an open redirect.
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  const base = "http://worker-voice.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** A sign-in or join link that brings the worker back to `path` afterwards. */
export function withReturnTo(target: "/sign-in" | "/join" | "/staff/sign-in", path: string | null | undefined) {
  const safe = safeReturnTo(path);
  return safe ? `${target}?next=${encodeURIComponent(safe)}` : target;
}
