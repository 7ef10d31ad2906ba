import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker, moderatingUnionOf } from "~/test/factories";
import { getPublicStatements } from "~/features/statements/data";

// Platforms' statements (issue 16): a representative writes one for their own platform, the
// union assigned to it (or an admin) approves or rejects it, and only approved ones are public.

type Caller = ReturnType<typeof callerFor>;

async function codeOf(call: () => Promise<unknown>) {
  try {
    await call();
    return "OK";
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: unknown } };
    return typeof e.cause?.code === "string" ? e.cause.code : (e.code ?? "ERROR");
  }
}

async function setup() {
  const platform = await makePlatform();
  const rep = callerFor((await makeStaff("PLATFORM_REP", platform.id)).account);
  const moderator = callerFor((await makeStaff("ORGANISER", await moderatingUnionOf(platform))).account);
  return { platform, rep, moderator };
}

const statement = { principle: "pay" as const, text: "Riders are paid for waiting time beyond five minutes since October.", evidence: "Rider pay rules, version 2026-10, section 3.2, published in the app." };
const rows = (platformId: string) => db.platformStatement.findMany({ where: { platformId }, select: { id: true, status: true, text: true, evidence: true, rejectionReason: true }, orderBy: { id: "asc" } });

describe("platform statements", () => {
  it("are written by the platform's representative, moderated, and public only once approved", async () => {
    const { platform, rep, moderator } = await setup();
    const { id } = await rep.statements.submit(statement);
    expect((await getPublicStatements(platform.slug))!.statements).toEqual([]);
    expect(await rep.statements.mine()).toEqual([expect.objectContaining({ id, status: "PENDING", principle: "pay" })]);
    expect((await moderator.statements.queue()).map((s) => s.id)).toContain(id);

    await moderator.statements.moderate({ statementId: id, decision: "APPROVED" });
    const shown = (await getPublicStatements(platform.slug))!.statements;
    expect(shown).toEqual([expect.objectContaining({ id, principle: "pay", text: statement.text, evidence: statement.evidence })]);
    expect((await moderator.statements.queue()).map((s) => s.id)).not.toContain(id);
    // Decided once: a second decision is a conflict and changes nothing.
    expect(await codeOf(() => moderator.statements.moderate({ statementId: id, decision: "REJECTED", reason: "Changed my mind." }))).toBe("CONFLICT");
    expect((await rows(platform.id))[0]).toMatchObject({ status: "APPROVED", rejectionReason: null });
  });

  it("keeps a rejected statement off the page and tells the platform why", async () => {
    const { platform, rep, moderator } = await setup();
    const { id } = await rep.statements.submit({ ...statement, principle: "management" });
    await moderator.statements.moderate({ statementId: id, decision: "REJECTED", reason: "Not about management." });
    expect((await getPublicStatements(platform.slug))!.statements).toEqual([]);
    expect(await rep.statements.mine()).toEqual([expect.objectContaining({ id, status: "REJECTED", rejectionReason: "Not about management." })]);
  });

  it("lets an admin moderate a platform no union is assigned to", async () => {
    const platform = await makePlatform();
    const rep = callerFor((await makeStaff("PLATFORM_REP", platform.id)).account);
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const { id } = await rep.statements.submit(statement);
    expect((await admin.statements.queue()).map((s) => s.id)).toContain(id);
    await admin.statements.moderate({ statementId: id, decision: "APPROVED" });
    expect((await getPublicStatements(platform.slug))!.statements.map((s) => s.id)).toEqual([id]);
  });

  it("refuses personal data, bad input and smuggled fields, and stores nothing", async () => {
    const { platform, rep } = await setup();
    const other = await makePlatform();
    const refused: [unknown, string][] = [
      [{ ...statement, text: "Call our rider desk on 138 1234 5678 for details." }, "PII_DETECTED"],
      [{ ...statement, evidence: "站长说：加我微信 rider2026 再看规则" }, "PII_DETECTED"],
      [{ ...statement, principle: "fairness" }, "BAD_REQUEST"],
      [{ ...statement, text: "short" }, "BAD_REQUEST"],
      [{ ...statement, text: "x".repeat(2001) }, "BAD_REQUEST"],
      [{ ...statement, platformId: other.id }, "BAD_REQUEST"],
      [{ ...statement, status: "APPROVED" }, "BAD_REQUEST"],
    ];
    for (const [input, code] of refused) expect(await codeOf(() => rep.statements.submit(input as never)), JSON.stringify(input)).toBe(code);
    expect(await rows(platform.id)).toEqual([]);
    expect(await rows(other.id)).toEqual([]);
  });

  it("is refused to everyone but the platform's own staff and its moderators, and changes nothing then", async () => {
    const { platform, rep, moderator } = await setup();
    const { id } = await rep.statements.submit(statement);
    const outsiders: [string, Caller][] = [
      ["organiser of another union", callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account)],
      ["representative of another platform", callerFor((await makeStaff("PLATFORM_REP", (await makePlatform()).id)).account)],
      ["worker", callerFor((await makeWorker()).account)],
      ["anonymous", callerFor(null)],
    ];
    for (const [who, caller] of outsiders) {
      for (const decision of ["APPROVED", "REJECTED"] as const) expect(await codeOf(() => caller.statements.moderate({ statementId: id, decision })), who).toMatch(/^(NOT_FOUND|FORBIDDEN|UNAUTHORIZED)$/);
      const queue = await caller.statements.queue().catch(() => []);
      expect(queue.map((s) => s.id), who).not.toContain(id);
      const mine = await caller.statements.mine().catch(() => []);
      expect(mine.map((s) => s.id), who).not.toContain(id);
    }
    // Workers, organisers and admins cannot write as a platform.
    for (const caller of [outsiders[0]![1], outsiders[2]![1], moderator]) expect(await codeOf(() => caller.statements.submit(statement))).toBe("FORBIDDEN");
    expect(await rows(platform.id)).toEqual([expect.objectContaining({ id, status: "PENDING" })]);
  });
});
