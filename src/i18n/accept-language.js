// The locale a browser's Accept-Language asks for: Chinese when it prefers Chinese (or says
// nothing), English when it asks for English first. Plain JavaScript with no imports, so the
// page cache (src/scripts/lib/page-cache.mjs, run by node as it is) and the app
// (src/i18n/config.ts) share one implementation.

/**
 * @param {string | null | undefined} header
 * @returns {"zh-CN" | "en"}
 */
export function localeFromAcceptLanguage(header) {
  if (!header) return "zh-CN";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}
