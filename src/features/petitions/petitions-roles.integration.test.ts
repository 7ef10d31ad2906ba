import { describe, expect, it } from "vitest";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { writerFor } from "~/test/write-client";

type Caller = ReturnType<typeof callerFor>;
const id = { petitionId: "does-not-exist" };
const text = { title: "A petition for the role matrix", ask: "Ask something precise here.", reason: "Because the matrix needs it." };

// Every petitions procedure, with the rung that may call it (PRIVACY.md P7). Signing and
// withdrawing are JSON routes, in src/server/api/write-routes.integration.test.ts.
const PROCEDURES: [string, "public" | "worker" | "organiser" | "rep", (c: Caller) => Promise<unknown>][] = [
  ["list", "public", (c) => c.petitions.list({ filter: "open" })],
  ["get", "public", (c) => c.petitions.get(id)],
  ["counts", "public", (c) => c.petitions.counts(id)],
  ["comments", "public", (c) => c.petitions.comments(id)],
  ["targets", "public", (c) => c.petitions.targets()],
  ["mine", "worker", (c) => c.petitions.mine()],
  ["start", "worker", (c) => c.petitions.start({ ...text, target: { kind: "OTHER", name: "Labour bureau" } })],
  ["sponsorView", "worker", (c) => c.petitions.sponsorView({ ...id, token: "x".repeat(32) })],
  ["sponsor", "worker", (c) => c.petitions.sponsor({ ...id, token: "x".repeat(32) })],
  ["mySignature", "worker", (c) => c.petitions.mySignature(id)],
  ["moderationQueue", "organiser", (c) => c.petitions.moderationQueue()],
  ["moderate", "organiser", (c) => c.petitions.moderate({ ...id, decision: "PUBLISH" })],
  ["setThreshold", "organiser", (c) => c.petitions.setThreshold({ ...id, threshold: 10 })],
  ["recordDelivery", "organiser", (c) => c.petitions.recordDelivery({ ...id, deliveredTo: "Bureau", deliveredOn: "2026-01-01" })],
  ["moderateComment", "organiser", (c) => c.petitions.moderateComment({ signatureId: "nope", decision: "APPROVED" })],
  ["inbox", "rep", (c) => c.petitions.inbox()],
  ["answer", "rep", (c) => c.petitions.answer({ ...id, text: "An answer that is long enough." })],
];

describe("the role matrix on petitions procedures", () => {
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
        if (allowed) expect(["UNAUTHORIZED", "FORBIDDEN"], `${name} as ${who}`).not.toContain(outcome);
        else expect(outcome, `${name} as ${who}`).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    }
  });

  it("rejects role or union fields smuggled into inputs", async () => {
    const organiser = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    await expect(organiser.petitions.setThreshold({ ...id, threshold: 10, unionId: "x" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Signing is a JSON route (src/test/write-client.ts): its strict schema refuses the same.
    const worker = writerFor((await makeWorker()).account);
    await expect(worker.petitions.sign({ ...id, role: "ADMIN" } as never)).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
