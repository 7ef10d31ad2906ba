import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { updateWorkerProfile } from "~/features/accounts/mutations";
import type { CityCode } from "~/lib/taxonomy";
import { getPetitionCounts, type PetitionCounts } from "~/features/petitions/signatures/data";
import { signPetition, withdrawSignature } from "~/features/petitions/signatures/mutations";
import { listPetitions } from "~/features/petitions/data";
import { makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";

// Issue 12, recipe 1 for petitions: an observer reads the breakdown, one worker signs or
// withdraws, the observer reads again. No cell may move by 1 to 4, and the live total beside
// the breakdown may not tell which cell the last signers went into.

async function worker(city: CityCode) {
  const w = (await makeWorker()).account;
  await updateWorkerProfile(w.accountId, { city, platformSlugs: [], sectors: ["FOOD_DELIVERY"] });
  return w.accountId;
}

const cells = (c: PetitionCounts): Record<string, number> => ({
  ...Object.fromEntries([...c.city.map((g) => [`city:${g.value}`, g.count]), ...c.platform.map((g) => [`platform:${g.value}`, g.count]), ...c.sector.map((g) => [`sector:${g.value}`, g.count])]),
  verified: c.credibility.kind === "share" ? c.credibility.verified : 0,
});

function expectSteps(before: PetitionCounts, after: PetitionCounts) {
  const a = cells(before);
  const b = cells(after);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = Math.abs((b[key] ?? 0) - (a[key] ?? 0));
    expect(d === 0 || d >= 5, `${key} moved by ${d}`).toBe(true);
  }
  for (const v of Object.values(b)) expect(v === 0 || v >= 5).toBe(true);
}

describe("petition breakdowns move only in steps", () => {
  it("one signature or withdrawal around a reading moves no cell by 1 to 4", async () => {
    const p = await publishedPetition();
    const xian = [];
    for (let i = 0; i < 12; i++) xian.push(await worker("xian"));
    for (const id of xian) await signPetition(id, p.id);
    const hz = await worker("hangzhou");

    const before = await getPetitionCounts(p.id);
    expect(before.city).toEqual([{ value: "xian", count: 10 }]);
    await signPetition(hz, p.id);
    const afterSign = await getPetitionCounts(p.id);
    expectSteps(before, afterSign);
    // The total is live and exact by design: it says someone signed, not where.
    expect(afterSign.shown).toBe(13);
    expect(afterSign.city).toEqual(before.city);

    await withdrawSignature(xian[0]!, p.id);
    const afterWithdraw = await getPetitionCounts(p.id);
    expectSteps(afterSign, afterWithdraw);
    expect(afterWithdraw.shown).toBe(12);
  });

  it("every reading over a run of acts differs from every other by 0 or at least 5 per cell", async () => {
    const p = await publishedPetition();
    const readings: PetitionCounts[] = [await getPetitionCounts(p.id)];
    const cities: CityCode[] = ["xian", "hangzhou", "xian", "beijing", "xian", "hangzhou", "xian"];
    const signers: string[] = [];
    for (let i = 0; i < 21; i++) {
      const id = await worker(cities[i % cities.length]!);
      await signPetition(id, p.id);
      signers.push(id);
      if (i % 4 === 3) await withdrawSignature(signers.shift()!, p.id);
      readings.push(await getPetitionCounts(p.id));
    }
    for (const a of readings) for (const b of readings) expectSteps(a, b);
    // The breakdown did move: releases happen, they are not frozen.
    expect(readings.at(-1)!.city.length).toBeGreaterThan(0);
  });

  it("the verified part beside the live total and in lists is the released one", async () => {
    const p = await publishedPetition();
    for (let i = 0; i < 7; i++) await signPetition(await worker("xian"), p.id);
    const counts = await getPetitionCounts(p.id);
    expect(counts.shown).toBe(7);
    expect(counts.city).toEqual([{ value: "xian", count: 5 }]);
    const listed = (await listPetitions("open")).find((r) => r.id === p.id);
    expect(listed?.signatures).toBe(7);
    expect(listed?.credibility).toEqual(counts.credibility);
  });

  it("the breakdown is the stored release: nothing moves until 5 distinct workers acted, however often one worker toggles", async () => {
    const p = await publishedPetition();
    for (let i = 0; i < 5; i++) await signPetition(await worker("xian"), p.id);
    const released = await getPetitionCounts(p.id);
    const toggler = await worker("hangzhou");
    for (let i = 0; i < 6; i++) {
      await signPetition(toggler, p.id);
      await withdrawSignature(toggler, p.id);
    }
    await signPetition(toggler, p.id);
    const after = await getPetitionCounts(p.id);
    expect(after.city).toEqual(released.city);
    expect(await db.figureRelease.count({ where: { kind: "petition", subjectId: p.id } })).toBe(1);
  });
});
