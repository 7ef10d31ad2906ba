import fc from "fast-check";
import type { ZodType } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { db } from "~/server/db";
import { callerFor, makePlatform } from "~/test/factories";
import { arbitraryOf, type IdPool } from "~/test/fuzz/zod-arbitrary";
import { brokenFrom } from "~/test/fuzz/hostile";
import { describeError, isTranslatedRefusal, refusalCode } from "~/test/fuzz/outcome";
import { installWriteLog, removeWriteLog, resetWriteLog, writesSinceReset } from "~/test/fuzz/write-log";
import { makeFuzzWorld, type FuzzRole } from "~/test/fuzz/world";
import { FUZZ_SEED, fuzzRuns, shortly } from "~/test/fuzz/settings";

// Issue 14, generated hostile input: every tRPC procedure (found by walking the router, so a new
// one is fuzzed without being listed here), called as every role with inputs derived from its
// own zod schema, valid-shaped and broken. Every call either succeeds or is refused with a
// translated AppError, and a refused call stores nothing (src/test/fuzz/write-log.ts).

type Proc = { _def: { inputs: ZodType[]; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Proc>);

let world: Awaited<ReturnType<typeof makeFuzzWorld>>;
let callers: Record<FuzzRole, ReturnType<typeof callerFor>>;

beforeAll(async () => {
  world = await makeFuzzWorld();
  callers = Object.fromEntries(Object.entries(world.accounts).map(([role, account]) => [role, callerFor(account)])) as typeof callers;
  await installWriteLog();
});
afterAll(() => removeWriteLog());

function inputArbitrary(proc: Proc, pool: IdPool): fc.Arbitrary<unknown> {
  const schema = proc._def.inputs[0];
  const valid = schema ? arbitraryOf(schema, pool) : fc.constant(undefined);
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: brokenFrom(valid) });
}

const call = (role: FuzzRole, path: string, input: unknown) => {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callers[role]) as (i: unknown) => Promise<unknown>;
  return fn(input);
};

/** Calls once; returns what went wrong, or null when the call succeeded or was refused properly. */
async function probe(role: FuzzRole, path: string, input: unknown): Promise<string | null> {
  await resetWriteLog();
  try {
    await call(role, path, input);
    return null;
  } catch (err) {
    const code = refusalCode(err);
    if (code === null || !isTranslatedRefusal(code)) return `server error ${describeError(err)}`;
    const writes = await writesSinceReset();
    return writes.length ? `refused with ${code} but wrote ${[...new Set(writes)].join(", ")}` : null;
  }
}

describe("fuzzing every tRPC procedure", () => {
  it("finds the procedures by walking the router", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it("sees a write in the write log, and no row of a rolled-back one", async () => {
    await resetWriteLog();
    await makePlatform();
    expect(await writesSinceReset()).toContain("Platform");
    await resetWriteLog();
    await expect(db.$transaction(async (tx) => {
      await tx.union.create({ data: { slug: `u-rollback-${process.pid}`, nameZh: "回滚", nameEn: "Rollback" } });
      throw new Error("roll back");
    })).rejects.toThrow("roll back");
    expect(await writesSinceReset()).toEqual([]);
  });

  it.each(procedures.map(([path, proc]) => [path, proc] as const))("%s", async (path, proc) => {
    const roles = Object.keys(world.accounts) as FuzzRole[];
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), inputArbitrary(proc, world.pool), async (role, input) => {
        const problem = await probe(role, path, input);
        if (problem && failures.length < 5) failures.push(`${role}: ${problem}; input ${shortly(input)}`);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(20) },
    );
    if (failures.length) console.log(failures.join("\n"));
    expect(failures.join("\n"), path).toBe("");
  });
});
