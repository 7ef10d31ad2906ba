import { describe, expect, it } from "vitest";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "~/test/factories";

type Caller = ReturnType<typeof callerFor>;
const submissionId = "does-not-exist";
const answer = { submissionId, itemId: "nope", status: "REJECTED" as const, text: "No." };

// Every answers and verdicts procedure with well-formed input and the rung that may call it
// (PRIVACY.md P7): admitted callers get past the rung (and then "not found"), the rest are refused.
const PROCEDURES: [string, "public" | "worker" | "organiser" | "rep", (c: Caller) => Promise<unknown>][] = [
  ["answers.inbox", "rep", (c) => c.answers.inbox()],
  ["answers.platformDesk", "rep", (c) => c.answers.platformDesk({ submissionId })],
  ["answers.answerAsPlatform", "rep", (c) => c.answers.answerAsPlatform(answer)],
  ["answers.unionDesk", "organiser", (c) => c.answers.unionDesk({ submissionId })],
  ["answers.answerAsUnion", "organiser", (c) => c.answers.answerAsUnion(answer)],
  ["answers.public", "public", (c) => c.answers.public({ submissionId })],
  ["verdicts.mine", "worker", (c) => c.verdicts.mine({ submissionId })],
  ["verdicts.give", "worker", (c) => c.verdicts.give({ answerId: "nope", value: "YES" })],
];

describe("the role matrix on answers and verdicts", () => {
  it("lets only the right rung through", async () => {
    const callers = {
      anonymous: callerFor(null),
      worker: callerFor((await makeWorker()).account),
      organiser: callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account),
      rep: callerFor((await makeStaff("PLATFORM_REP", (await makePlatform()).id)).account),
      admin: callerFor((await makeStaff("ADMIN")).account),
    };
    for (const [name, rung, call] of PROCEDURES) {
      for (const [who, caller] of Object.entries(callers)) {
        const allowed = rung === "public" || who === rung;
        const outcome = await call(caller).then(
          () => "ok",
          (err: { code?: string }) => err.code ?? "error",
        );
        if (allowed) expect(["ok", "NOT_FOUND"], `${name} as ${who}`).toContain(outcome);
        else expect(outcome, `${name} as ${who}`).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    }
  });
});
