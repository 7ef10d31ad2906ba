import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { hotRouteModules } from "../../scripts/lib/hot-build.mjs";
import { hotRouteFor, hotRouteMap } from "../../scripts/lib/hot-routes.mjs";
import { hotRoutes } from "./hot-routes";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the hot write routes (serve.mjs) run outside Next's request context", () => {
  it("reach the write-route module, every hot route and what they call, and no page code", () => {
    const modules: string[] = hotRouteModules();
    for (const file of ["src/server/api/write-route.ts", "src/app/api/ballots/route.ts", "src/app/api/signatures/route.ts", "src/app/api/reports/route.ts", "src/app/api/tokens/ballot/route.ts", "src/features/ballots/mutations.ts", "src/server/auth/session-token.ts", "src/app/api/me/page/route.ts", "src/features/personal/page-state.ts"]) {
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

describe("serve.mjs looks requests up in the hot map by method and path", () => {
  const routes = hotRouteMap(hotRoutes, "src/server/api/hot-routes.ts");

  it("answers the writes' POSTs and the personal state's GET itself, whatever the query", () => {
    expect(hotRouteFor(routes, "POST", "/api/ballots")).toBe(hotRoutes["/api/ballots"].POST);
    expect(hotRouteFor(routes, "POST", "/api/signatures?via=query")).toBe(hotRoutes["/api/signatures"].POST);
    expect(hotRouteFor(routes, "GET", "/api/me/page?path=%2Fpetitions%2Fabc")).toBe(hotRoutes["/api/me/page"].GET);
    expect(hotRouteFor(routes, "GET", "/api/me/page")).toBe(hotRoutes["/api/me/page"].GET);
  });

  it("leaves every other method and path to Next", () => {
    for (const [method, url] of [["GET", "/api/ballots"], ["POST", "/api/me/page"], ["HEAD", "/api/me/page"], ["PUT", "/api/signatures"], ["GET", "/api/me/page/x"], ["GET", "/"], ["GET", "/petitions/abc"], ["POST", "/api/trpc/petitions.sign"]] as const) {
      expect(hotRouteFor(routes, method, url), `${method} ${url}`).toBeUndefined();
    }
  });

  it("refuses a map entry that is not a handler, so a mistake stops the server at start", () => {
    expect(() => hotRouteMap({ "/api/x": { GET: "nope" } }, "f")).toThrow(/not a handler/);
    expect(() => hotRouteMap({ "/api/x": { DELETE: () => null } }, "f")).toThrow(/not a handler/);
    expect(() => hotRouteMap({}, "f")).toThrow(/no hot routes/);
  });
});
