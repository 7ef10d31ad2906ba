import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROCESS_CACHES } from "~/server/cluster/caches";

// Issue 15: every per-process cache is listed, with its TTL and why several instances may each
// keep their own copy. Found in the source as a globalThis property (wv...) holding a Map, a
// TtlCache or an entry with an expiry, or a module-level `const x = new Map`.
const root = path.resolve(import.meta.dirname, "..", "..", "..");
const sources = readdirSync(path.join(root, "src"), { withFileTypes: true, recursive: true })
  .filter((d) => d.isFile() && /\.(ts|tsx|js|mjs)$/.test(d.name) && !/\.test\.ts$/.test(d.name))
  .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
  .filter((f) => !f.includes(`${path.sep}generated${path.sep}`) && !f.startsWith(path.join("src", "test")) && !f.startsWith(path.join("src", "bench")));

function found(): { name: string; where: string }[] {
  const out: { name: string; where: string }[] = [];
  for (const where of sources) {
    const text = readFileSync(path.join(root, where), "utf8");
    for (const m of text.matchAll(/\b(wv[A-Z]\w*)\s*\?\?=\s*(new (?:Map|TtlCache)\b|load\(\))/g)) out.push({ name: m[1]!, where });
    for (const m of text.matchAll(/\b(wv[A-Z]\w*)\s*=\s*\{\s*key,\s*until/g)) out.push({ name: m[1]!, where });
    for (const m of text.matchAll(/^const (\w+) = new Map\b/gm)) out.push({ name: m[1]!, where });
  }
  return out;
}

describe("per-process caches", () => {
  it("are each listed in src/server/cluster/caches.ts", () => {
    const listed = new Set(PROCESS_CACHES.map((c) => `${c.where}#${c.name}`));
    const missing = found()
      .map((c) => `${c.where}#${c.name}`)
      .filter((c) => !listed.has(c) && !c.endsWith("#wvLimiters") && !c.endsWith("#wvAddressKeyLoads"));
    expect(missing).toEqual([]);
  });

  it("list nothing that is gone", () => {
    const present = new Set(found().map((c) => `${c.where}#${c.name}`));
    expect(PROCESS_CACHES.filter((c) => !present.has(`${c.where}#${c.name}`)).map((c) => `${c.where}#${c.name}`)).toEqual([]);
  });
});
