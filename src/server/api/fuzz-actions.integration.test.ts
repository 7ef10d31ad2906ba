import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hostileString, hostileValue } from "~/test/fuzz/hostile";
import { cookieFor } from "~/test/fuzz/http";
import { isTranslatedRefusal, refusalCode } from "~/test/fuzz/outcome";
import { installWriteLog, removeWriteLog, resetWriteLog, writesSinceReset } from "~/test/fuzz/write-log";
import { makeFuzzWorld, type FuzzRole } from "~/test/fuzz/world";
import { FUZZ_SEED, fuzzRuns, shortly } from "~/test/fuzz/settings";

// Issue 14 for server actions: every exported function of every "use server" file in src/
// (found by reading the tree), called directly with hostile FormData as every role. Outside
// Next there is no request scope, so the documented request APIs (cookies(), headers(),
// revalidatePath) are stood in for by a cookie jar holding the role's real session cookie;
// everything behind them (session lookup, sign-out, the database) is the real code.

const jar = vi.hoisted(() => ({ cookie: "", written: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const m = new RegExp(`(?:^|; )${name.replace(/\./g, "\\.")}=([^;]+)`).exec(jar.cookie);
      return m ? { name, value: decodeURIComponent(m[1]!) } : undefined;
    },
    set: (name: string, value: string) => void jar.written.set(name, value),
    delete: (name: string) => void jar.written.set(name, ""),
  }),
  headers: async () => new Headers({ cookie: jar.cookie, "x-forwarded-for": "203.0.113.9" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const src = path.resolve(import.meta.dirname, "../..");
const actionFiles = readdirSync(src, { recursive: true, encoding: "utf8" }).filter(
  (f) => /\.tsx?$/.test(f) && !f.includes("generated") && /^\s*["']use server["']/.test(readFileSync(path.join(src, f), "utf8")),
);

let world: Awaited<ReturnType<typeof makeFuzzWorld>>;
beforeAll(async () => {
  world = await makeFuzzWorld();
  await installWriteLog();
});
afterAll(() => removeWriteLog());

const isRedirect = (err: unknown) => typeof (err as { digest?: unknown })?.digest === "string" && (err as { digest: string }).digest.startsWith("NEXT_REDIRECT");

const formData = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom("locale", "id", "text", "campaignId", "petitionId"), hostileString), fc.oneof(hostileString, hostileValue.map(String), fc.constantFrom("zh-CN", "en"))), { maxLength: 6 })
  .map((pairs) => {
    const fd = new FormData();
    for (const [k, v] of pairs) fd.append(k, v);
    return fd;
  });

describe("fuzzing every server action", () => {
  it("finds the \"use server\" files", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses hostile form data with translated errors, storing nothing and setting no cookie it should not", async () => {
    const failures: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(src, file))) as Record<string, unknown>;
      for (const [name, action] of Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, (fd: FormData) => Promise<unknown>][]) {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...(Object.keys(world.accounts) as FuzzRole[])), formData, async (role, fd) => {
            // A fresh session for roles that sign out, so every role keeps being itself.
            jar.cookie = await cookieFor(role === "ANONYMOUS" ? null : world.accounts[role]);
            jar.written.clear();
            await resetWriteLog();
            let problem: string | null = null;
            try {
              await action(fd);
              const locale = jar.written.get("wv-locale");
              if (locale !== undefined && !["zh-CN", "en"].includes(locale)) problem = `set wv-locale to ${shortly(locale)}`;
            } catch (err) {
              if (isRedirect(err)) return;
              const code = refusalCode(err);
              if (!code || !isTranslatedRefusal(code)) problem = `threw ${String(err).slice(0, 200)}`;
              else if ((await writesSinceReset()).length) problem = `refused with ${code} but wrote`;
            }
            if (problem && failures.length < 10) failures.push(`${file} ${name} as ${role}: ${problem}; form ${shortly([...fd.entries()])}`);
          }),
          { seed: FUZZ_SEED, numRuns: fuzzRuns(30) },
        );
      }
    }
    if (failures.length) console.log(failures.join("\n"));
    expect(failures.join("\n")).toBe("");
  });
});
