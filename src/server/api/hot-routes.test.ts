import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { hotRouteModules } from "../../scripts/lib/hot-build.mjs";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the hot write routes (serve.mjs) run outside Next's request context", () => {
  it("reach the write-route module, every hot route and what they call, and no page code", () => {
    const modules: string[] = hotRouteModules();
    for (const file of ["src/server/api/write-route.ts", "src/app/api/ballots/route.ts", "src/app/api/signatures/route.ts", "src/app/api/reports/route.ts", "src/app/api/tokens/ballot/route.ts", "src/features/ballots/mutations.ts", "src/server/auth/session-token.ts"]) {
      expect(modules).toContain(file);
    }
    expect(modules).not.toContain("src/server/auth/session.ts");
    expect(modules.some((m) => m.startsWith("src/app/[locale]"))).toBe(false);
  });

  it("cannot import cookies(), headers(), draftMode(), after() or connection() there: the lint rule refuses them", async () => {
    const file = "src/features/ballots/mutations.ts";
    expect(await restricted(file, 'import { cookies } from "next/headers";\nexport const a = cookies;\n')).toHaveLength(1);
    expect(await restricted(file, 'import { draftMode, headers } from "next/headers";\nexport const a = [draftMode, headers];\n')).toHaveLength(1);
    expect(await restricted(file, 'import { after, connection } from "next/server";\nexport const a = [after, connection];\n')).toHaveLength(2);
    expect(await restricted("src/server/log.js", 'import { after } from "next/server";\nexport const a = after;\n')).toHaveLength(1);
    // What is not request-scoped stays allowed.
    expect(await restricted(file, 'import { NextResponse } from "next/server";\nexport const a = NextResponse;\n')).toEqual([]);
  });

  it("leaves code the hot routes do not reach free to use them (pages, tRPC)", async () => {
    expect(await restricted("src/server/auth/session.ts", 'import { cookies } from "next/headers";\nexport const a = cookies;\n')).toEqual([]);
  });
});
