import { describe, expect, it } from "vitest";
import type { SessionAccount } from "~/features/accounts/data";
import { appRouter } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/trpc";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "../../../test/factories";

// PRIVACY.md P7: every procedure, called as every kind of account, is refused on the server
// unless its rung admits that role. New procedures are covered automatically; a procedure
// without a rung fails here.
type Role = SessionAccount["role"] | "ANONYMOUS";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>);

async function callAs(caller: ReturnType<typeof callerFor>, path: string, input: unknown) {
  const fn = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    await fn(input);
    return "OK";
  } catch (err) {
    return (err as { code?: string }).code ?? "ERROR";
  }
}

describe("role matrix over every tRPC procedure", () => {
  it("declares a rung on every procedure", () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const [path, proc] of procedures) expect(proc._def.meta?.roles, path).toBeDefined();
  });

  it("refuses every role its rung does not admit, and lets admitted roles past the check", async () => {
    const union = await makeUnion();
    const platform = await makePlatform();
    const accounts: Record<Role, SessionAccount | null> = {
      ANONYMOUS: null,
      WORKER: (await makeWorker()).account,
      ORGANISER: (await makeStaff("ORGANISER", union.id)).account,
      PLATFORM_REP: (await makeStaff("PLATFORM_REP", platform.id)).account,
      ADMIN: (await makeStaff("ADMIN")).account,
    };
    for (const [path, proc] of procedures) {
      const rung = proc._def.meta!.roles;
      for (const [role, account] of Object.entries(accounts) as [Role, SessionAccount | null][]) {
        // Deliberately malformed input (with a smuggled role): admitted callers stop at
        // validation or the feature's own checks, refused callers at the rung.
        const result = await callAs(callerFor(account), path, { __probe: true, role: "ADMIN", unionId: union.id });
        const admitted = rung === "public" || (role !== "ANONYMOUS" && rung.includes(role));
        if (admitted) expect(["UNAUTHORIZED"], `${path} as ${role}`).not.toContain(result);
        else expect(result, `${path} as ${role}`).toBe(role === "ANONYMOUS" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    }
  });
});
