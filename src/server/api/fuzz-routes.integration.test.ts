import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import { appRouter } from "~/server/api/root";
import { apiRoutes, callApi, templateOf } from "~/test/api-client";
import { arbitraryOf } from "~/test/fuzz/zod-arbitrary";
import { brokenFrom, deep, hostileString } from "~/test/fuzz/hostile";
import { appCodeOf, cookieFor, postRaw, writeRoutes } from "~/test/fuzz/http";
import { isTranslatedRefusal } from "~/test/fuzz/outcome";
import { installWriteLog, removeWriteLog, resetWriteLog, writesSinceReset } from "~/test/fuzz/write-log";
import { makeFuzzWorld, type FuzzRole } from "~/test/fuzz/world";
import { FUZZ_SEED, fuzzRuns, shortly } from "~/test/fuzz/settings";

// Issue 14 over HTTP: the JSON write routes and the tRPC transport get hostile bodies (broken,
// oversized, nested 30,000 deep) as every role, and every /api/v1 endpoint hostile paths and
// queries. No 5xx, every refusal a translated code, nothing stored by a refused write.

let world: Awaited<ReturnType<typeof makeFuzzWorld>>;
let cookies: Record<FuzzRole, string>;

beforeAll(async () => {
  world = await makeFuzzWorld();
  cookies = Object.fromEntries(await Promise.all(Object.entries(world.accounts).map(async ([r, a]) => [r, await cookieFor(a)]))) as typeof cookies;
  await installWriteLog();
});
afterAll(() => removeWriteLog());

/** Posts; returns what went wrong, or null for a success or a proper refusal that stored nothing. */
async function probePost(handler: (req: Request) => Promise<Response>, url: string, body: string, role: FuzzRole) {
  await resetWriteLog();
  const res = await postRaw(handler, url, body, cookies[role]);
  if (res.status < 400) return null;
  const code = appCodeOf(res.json);
  if (res.status >= 500 || !code || !isTranslatedRefusal(code)) return `${res.status} ${code} ${shortly(res.json)}`;
  const writes = await writesSinceReset();
  return writes.length ? `refused with ${code} but wrote ${[...new Set(writes)].join(", ")}` : null;
}

const roleArb = () => fc.constantFrom(...(Object.keys(world.accounts) as FuzzRole[]));
const toBody = (v: unknown) => {
  try {
    return JSON.stringify(v) ?? "null";
  } catch {
    return String(v);
  }
};
// Bodies no JSON encoder makes: a body cut short, nesting far past any schema, just over 64 KB.
const RAW_BODIES = ["{", '{"a":', "[".repeat(30_000) + "]".repeat(30_000), '{"a":'.repeat(10_000), `"${"x".repeat(70 * 1024)}"`, "\u0000", "null", ""];

describe("fuzzing the JSON write routes", () => {
  it("finds them under src/app/api", async () => {
    expect((await writeRoutes()).length).toBeGreaterThanOrEqual(3);
  });

  it("answers every hostile body with a translated refusal and stores nothing", async () => {
    const failures: string[] = [];
    for (const [name, handler] of await writeRoutes()) {
      const valid = arbitraryOf(handler.input!, world.pool);
      const body = fc.oneof(valid.map(toBody), brokenFrom(valid).map(toBody), fc.constantFrom(...RAW_BODIES));
      await fc.assert(
        fc.asyncProperty(roleArb(), body, async (role, b) => {
          const problem = await probePost(handler, `/api/${name}`, b, role);
          if (problem && failures.length < 10) failures.push(`${name} as ${role}: ${problem}; body ${shortly(b)}`);
        }),
        { seed: FUZZ_SEED, numRuns: fuzzRuns(60) },
      );
    }
    if (failures.length) console.log(failures.join("\n"));
    expect(failures.join("\n")).toBe("");
  });
});

describe("fuzzing the tRPC transport", () => {
  const paths = Object.keys(appRouter._def.procedures);

  it("answers hostile batches and bodies for every procedure with translated refusals", async () => {
    const failures: string[] = [];
    const body = fc.oneof(
      fc.constantFrom(...RAW_BODIES),
      fc.constantFrom({ json: deep(5000) }, { json: deep(5000, "object") }, { json: {}, meta: { values: { a: ["map"] } } }, { json: 1, meta: "x" }).map(toBody),
      brokenFrom(fc.constant({})).map((v) => toBody({ json: v })),
      hostileString.map((s) => superjson.stringify({ petitionId: s, campaignId: s })),
    );
    await fc.assert(
      fc.asyncProperty(roleArb(), fc.constantFrom(...paths), body, async (role, path, b) => {
        const problem = await probePost(trpcPost, `/api/trpc/${path}`, b, role);
        if (problem && failures.length < 10) failures.push(`${path} as ${role}: ${problem}; body ${shortly(b)}`);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(150) },
    );
    if (failures.length) console.log(failures.join("\n"));
    expect(failures.join("\n")).toBe("");
  });
});

describe("fuzzing every /api/v1 endpoint", () => {
  const b64 = (v: unknown) => Buffer.from(toBody(v)).toString("base64url");
  // An empty segment is a path to no route (Next answers it itself), not a hostile input to one.
  const segment = () => fc.oneof(fc.constantFrom(...world.pool.ids, ...world.pool.slugs, "1", "0", "-1", "99999999999"), hostileString.filter((s) => s.length > 0));
  const query = fc.oneof(
    fc.constant(""),
    fc.record({ limit: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), hostileString), cursor: fc.oneof(hostileString, hostileString.map((s) => b64(["2026-01-01", s])), fc.constantFrom(b64(["2026-99-99", "x"]), b64({}), b64(deep(3000)))) }, { requiredKeys: [] }),
    fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  );

  it("finds them under src/app/api/v1", () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(8);
  });

  it("answers hostile paths and queries with data or a 400/404 error body, never a 5xx", async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...apiRoutes), fc.array(segment(), { minLength: 3, maxLength: 3 }), query, async (route, segs, q) => {
        let i = 0;
        const pathname = templateOf(route).replace(/\{[^}]+\}/g, () => encodeURIComponent(segs[i++]!.replace(/\p{Cs}/gu, "\uFFFD")));
        const search = typeof q === "string" ? q : new URLSearchParams(q as Record<string, string>).toString();
        const res = await callApi(`${pathname}${search ? `?${search}` : ""}`);
        const code = res.status >= 400 ? (res.json() as { error?: { code?: string } })?.error?.code : null;
        if (res.status >= 500 || (res.status >= 400 && !(code && isTranslatedRefusal(code)))) {
          if (failures.length < 10) failures.push(`${pathname}?${search}: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(150) },
    );
    if (failures.length) console.log(failures.join("\n"));
    expect(failures.join("\n")).toBe("");
  });
});
