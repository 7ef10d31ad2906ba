import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { FOLLOW_UP_MS, releaseAfterWrite, releaseDueFigures, releaseIfDue } from "~/features/stats/releases/mutations";
import { readReleases } from "~/features/stats/releases/data";
import { signPetition } from "~/features/petitions/signatures/mutations";
import { makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";

const signers = (n: number) => Promise.all(Array.from({ length: n }, async () => (await makeWorker()).account.accountId));
const pending = (subjectId: string) => db.figureActor.count({ where: { kind: "petition", subjectId } });

describe("figure releases", () => {
  it("the timer releases only a figure that is due, never one with fewer than 5 new workers", async () => {
    const p = await publishedPetition();
    for (const id of await signers(4)) await signPetition(id, p.id);
    await releaseDueFigures();
    expect(await readReleases("petition", [p.id])).toEqual(new Map());
    expect(await releaseIfDue("petition", p.id)).toBe(false);
    expect(await pending(p.id)).toBe(4);

    // A fifth signer whose own release did not happen (say, the process died right after the
    // write): the timer makes it, from the stored acts.
    await db.$executeRaw`INSERT INTO "FigureActor" (kind, "subjectId", actor) VALUES ('petition', ${p.id}, 'a-fifth-worker')`;
    await db.$executeRaw`UPDATE "PetitionTally" SET count = count + 1 WHERE "petitionId" = ${p.id} AND dimension IN ('total', 'city', 'platform', 'sector') AND slot = (SELECT min(slot) FROM "PetitionTally" WHERE "petitionId" = ${p.id})`;
    expect(await releaseDueFigures()).toBeGreaterThanOrEqual(1);
    expect(await pending(p.id)).toBe(0);
    const cells = (await readReleases("petition", [p.id])).get(p.id)!;
    for (const n of Object.values(cells)) expect(n % 5).toBe(0);
  });

  it("many writes that find one figure due at once start one release and one follow-up, not a transaction each", async () => {
    // Under load every signature committed before the due release sees the figure still due;
    // each opening its own release transaction took the pool from the writes (P2028 timeouts).
    const p = await publishedPetition();
    for (const id of await signers(5)) await signPetition(id, p.id);
    const released = await readReleases("petition", [p.id]);
    expect(released.get(p.id)).toBeDefined();
    await db.$executeRaw`INSERT INTO "FigureActor" (kind, "subjectId", actor) SELECT 'petition', ${p.id}, 'pending-' || g FROM generate_series(1, 5) g`;
    const transactions = vi.spyOn(db, "$transaction");
    try {
      const began = Date.now();
      await Promise.all(Array.from({ length: 20 }, () => releaseAfterWrite("petition", p.id, true)));
      await vi.waitFor(async () => expect(await pending(p.id)).toBe(0));
      // The follow-up runs FOLLOW_UP_MS after the first release began (off the requests), so wait for it to be done.
      await vi.waitFor(() => expect(transactions).toHaveBeenCalledTimes(2), { timeout: FOLLOW_UP_MS + 2_000 });
      // At most one release a second per figure and process, however busy it is.
      expect(Date.now() - began).toBeGreaterThanOrEqual(FOLLOW_UP_MS);
    } finally {
      transactions.mockRestore();
    }
  });

  it("concurrent signers all count, and every instance reads the one stored release", async () => {
    const p = await publishedPetition();
    const ids = await signers(12);
    await Promise.all(ids.map((id) => signPetition(id, p.id)));
    await releaseDueFigures();
    const tally = await db.petitionTally.aggregate({ where: { petitionId: p.id, dimension: "total" }, _sum: { count: true } });
    expect(tally._sum.count).toBe(12);
    // Whatever was released, it is a multiple of 5 and what is still pending is fewer than 5.
    expect(await pending(p.id)).toBeLessThan(5);
    const cells = (await readReleases("petition", [p.id])).get(p.id) ?? {};
    for (const n of Object.values(cells)) expect(n % 5).toBe(0);
  });
});
