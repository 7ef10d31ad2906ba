import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerFor, makePlatform, makeStaff, makeWorker, moderatingUnionOf } from "~/test/factories";
import { sponsorToken } from "~/features/petitions/policy";
import { writerFor } from "~/test/write-client";

async function workerWith(profile?: { city: string; platformSlugs: string[]; sectors: string[] }) {
  const { account } = await makeWorker();
  if (profile) await callerFor(account).accounts.updateProfile(profile as never);
  return account;
}

const text = {
  title: "Stop unpaid waiting time at pickup",
  ask: "Pay riders for every minute they wait at restaurants beyond five minutes.",
  reason: "We wait twenty minutes for orders and lose income while the app counts us late.",
};

/** A published petition addressed to a new platform, with its starter and an organiser. */
export async function publishedPetition(threshold = 1000) {
  const platform = await makePlatform();
  const union = { id: await moderatingUnionOf(platform) };
  const starter = await workerWith();
  const { id, sponsorToken: token } = await callerFor(starter).petitions.start({ ...text, target: { kind: "PLATFORM", platformId: platform.id } });
  for (let i = 0; i < 5; i++) await callerFor(await workerWith()).petitions.sponsor({ petitionId: id, token });
  const organiser = (await makeStaff("ORGANISER", union.id)).account;
  await callerFor(organiser).petitions.moderate({ petitionId: id, decision: "PUBLISH", threshold });
  return { id, platform, starter, organiser, token };
}

describe("starting and sponsoring", () => {
  it("needs five sponsors, not the starter, once each, before moderation", async () => {
    const platform = await makePlatform();
    const starter = await workerWith();
    const { id, sponsorToken: token } = await callerFor(starter).petitions.start({ ...text, target: { kind: "PLATFORM", platformId: platform.id } });
    const row = await db.petition.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("GATHERING_SPONSORS");
    expect(JSON.stringify(row)).not.toContain(starter.accountId);

    await expect(callerFor(starter).petitions.sponsor({ petitionId: id, token })).rejects.toMatchObject({ cause: { code: "OWN_PETITION" } });
    await expect(callerFor(await workerWith()).petitions.sponsor({ petitionId: id, token: "x".repeat(32) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const first = await workerWith();
    await callerFor(first).petitions.sponsor({ petitionId: id, token });
    await expect(callerFor(first).petitions.sponsor({ petitionId: id, token })).rejects.toMatchObject({ cause: { code: "ALREADY_SPONSORED" } });
    for (let i = 0; i < 4; i++) await callerFor(await workerWith()).petitions.sponsor({ petitionId: id, token });
    expect(await db.petition.findUniqueOrThrow({ where: { id }, select: { status: true, sponsorCount: true } })).toEqual({ status: "PENDING_MODERATION", sponsorCount: 5 });
    expect((await callerFor(starter).petitions.mine()).map((p) => p.id)).toContain(id);
    // Not public before publication.
    await expect(callerFor(null).petitions.get({ petitionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps one sponsorship under 20 concurrent identical requests", async () => {
    const starter = await workerWith();
    const { id, sponsorToken: token } = await callerFor(starter).petitions.start({ ...text, target: { kind: "OTHER", name: "Labour bureau" } });
    const sponsor = callerFor(await workerWith());
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => sponsor.petitions.sponsor({ petitionId: id, token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.petitionSponsor.count({ where: { petitionId: id } })).toBe(1);
    expect((await db.petition.findUniqueOrThrow({ where: { id } })).sponsorCount).toBe(1);
  });

  it("refuses personal data, oversized text and extra fields, storing nothing", async () => {
    const starter = await workerWith();
    const caller = callerFor(starter);
    const before = await db.petition.count();
    await expect(caller.petitions.start({ ...text, reason: "Call me on 138 1234 5678 for details please", target: { kind: "OTHER", name: "市人社局" } })).rejects.toMatchObject({
      cause: { code: "PII_DETECTED" },
    });
    await expect(caller.petitions.start({ ...text, title: "x".repeat(500), target: { kind: "OTHER", name: "市人社局" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.petitions.start({ ...text, target: { kind: "OTHER", name: "市人社局" }, status: "PUBLISHED" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.petition.count()).toBe(before);
  });

  it("lets organisers reject with a public reason", async () => {
    const starter = await workerWith();
    const { id, sponsorToken: token } = await callerFor(starter).petitions.start({ ...text, target: { kind: "OTHER", name: "Municipal labour bureau" } });
    for (let i = 0; i < 5; i++) await callerFor(await workerWith()).petitions.sponsor({ petitionId: id, token });
    const organiser = (await makeStaff("ORGANISER", await moderatingUnionOf("OTHER"))).account;
    await callerFor(organiser).petitions.moderate({ petitionId: id, decision: "REJECT", reason: "This duplicates an open petition on waiting time." });
    const seen = await callerFor(null).petitions.get({ petitionId: id });
    expect(seen.phase).toBe("REJECTED");
    expect(seen.rejectionReason).toContain("duplicates");
    await expect(writerFor(await workerWith()).petitions.sign({ petitionId: id })).rejects.toMatchObject({ cause: { code: "PETITION_CLOSED" } });
  });
});

describe("signing", () => {
  it("one tap, once per account, withdraw while open, exact counts", async () => {
    const { id } = await publishedPetition();
    const signer = await workerWith();
    await writerFor(signer).petitions.sign({ petitionId: id });
    await expect(writerFor(signer).petitions.sign({ petitionId: id })).rejects.toMatchObject({ cause: { code: "ALREADY_SIGNED" } });
    expect(await callerFor(signer).petitions.mySignature({ petitionId: id })).toMatchObject({ comment: null });
    await writerFor(signer).petitions.withdraw({ petitionId: id });
    await expect(writerFor(signer).petitions.withdraw({ petitionId: id })).rejects.toMatchObject({ cause: { code: "NOT_SIGNED" } });
    expect(await db.petitionSignature.count({ where: { petitionId: id } })).toBe(0);
  });

  it("20 concurrent identical signatures leave one, and the count equals the stored rows", async () => {
    const { id } = await publishedPetition();
    const signer = writerFor(await workerWith());
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => signer.petitions.sign({ petitionId: id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const others = await Promise.all(Array.from({ length: 6 }, () => workerWith()));
    await Promise.all(others.map((w) => writerFor(w).petitions.sign({ petitionId: id })));
    // A burst of withdrawals mixed with retries of signatures that already exist.
    await Promise.all([
      ...others.slice(0, 2).map((w) => writerFor(w).petitions.withdraw({ petitionId: id })),
      ...others.slice(2).map((w) => writerFor(w).petitions.sign({ petitionId: id }).catch(() => null)),
    ]);
    const stored = await db.petitionSignature.count({ where: { petitionId: id } });
    expect(stored).toBe(5);
    expect((await callerFor(null).petitions.counts({ petitionId: id })).shown).toBe(stored);
  });

  it("stores a nullifier and coarse profile, never the account or a time", async () => {
    const { id, platform } = await publishedPetition();
    const signer = await workerWith({ city: "wuhan", platformSlugs: [platform.slug], sectors: ["COURIER"] });
    await writerFor(signer).petitions.sign({ petitionId: id, comment: "等餐太久了，应该算工时。" });
    const row = await db.petitionSignature.findFirstOrThrow({ where: { petitionId: id } });
    expect(row).toMatchObject({ city: "wuhan", platformSlug: platform.slug, sector: "COURIER", commentStatus: "PENDING" });
    expect(JSON.stringify(row)).not.toContain(signer.accountId);
    expect(row.signedOn.getUTCHours() + row.signedOn.getUTCMinutes()).toBe(0);
  });

  it("refuses PII in comments, representatives and closed petitions", async () => {
    const { id, platform } = await publishedPetition();
    const w = await workerWith();
    await expect(writerFor(w).petitions.sign({ petitionId: id, comment: "我的身份证 11010519491231002X" })).rejects.toMatchObject({ cause: { code: "PII_DETECTED" } });
    const rep = (await makeStaff("PLATFORM_REP", platform.id)).account;
    await expect(writerFor(rep).petitions.sign({ petitionId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(writerFor(null).petitions.sign({ petitionId: id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await db.petition.update({ where: { id }, data: { closesOn: new Date("2020-01-01") } });
    await expect(writerFor(w).petitions.sign({ petitionId: id })).rejects.toMatchObject({ cause: { code: "PETITION_CLOSED" } });
    expect(await db.petitionSignature.count({ where: { petitionId: id } })).toBe(0);
  });

  it("hides totals and breakdowns below five", async () => {
    const { id, platform } = await publishedPetition();
    for (let i = 0; i < 4; i++) await writerFor(await workerWith({ city: "wuhan", platformSlugs: [platform.slug], sectors: [] })).petitions.sign({ petitionId: id });
    expect(await callerFor(null).petitions.counts({ petitionId: id })).toMatchObject({ shown: null, city: [] });
    for (let i = 0; i < 6; i++) await writerFor(await workerWith({ city: "xian", platformSlugs: [platform.slug], sectors: [] })).petitions.sign({ petitionId: id });
    await writerFor(await workerWith({ city: "wuhan", platformSlugs: [], sectors: [] })).petitions.sign({ petitionId: id });
    const counts = await callerFor(null).petitions.counts({ petitionId: id });
    expect(counts.shown).toBe(11);
    // The breakdown is the last release (src/features/stats/releases): at 5 and at 10 signers the
    // live total would have pinned Wuhan's 1 to 4 signers beside a shown Xi'an, so the city
    // dimension was held; nothing of 1 to 4 ever shows.
    expect(counts.city).toEqual([]);
    // Released at 10 signers, all on the platform; the 11th (no platform named) is only in the
    // live total, which tells that someone signed, not where.
    expect(counts.platform).toEqual([{ value: platform.slug, count: 10 }]);
    for (let i = 0; i < 4; i++) await writerFor(await workerWith({ city: "wuhan", platformSlugs: [platform.slug], sectors: [] })).petitions.sign({ petitionId: id });
    const later = await callerFor(null).petitions.counts({ petitionId: id });
    expect(later.shown).toBe(15);
    for (const g of [...later.city, ...later.platform]) expect(g.count % 5).toBe(0);
  });
});

describe("thresholds and answers", () => {
  it("start the awaiting clock, reach milestones and take the platform's answer", async () => {
    const { id, platform, organiser } = await publishedPetition(3);
    for (let i = 0; i < 3; i++) await writerFor(await workerWith()).petitions.sign({ petitionId: id });
    const p = await callerFor(null).petitions.get({ petitionId: id });
    // Stored days come back as UTC midnights of the database's today, whichever driver reads them.
    const today = (await db.$queryRaw<{ d: string }[]>`SELECT wv_today()::text AS d`)[0]!.d;
    expect(p.thresholdReachedOn?.toISOString()).toBe(`${today}T00:00:00.000Z`);
    expect(p.publishedOn).toBeInstanceOf(Date);
    expect(p.platform).toEqual({ slug: platform.slug, nameZh: expect.stringMatching(/^平台/), nameEn: expect.stringMatching(/^Platform /) });
    expect(p.union).toBeNull();
    expect((await callerFor(null).petitions.list({ filter: "awaiting", platformSlug: platform.slug })).map((x) => x.id)).toEqual([id]);

    const otherRep = (await makeStaff("PLATFORM_REP", (await makePlatform()).id)).account;
    expect(await callerFor(otherRep).petitions.inbox()).toEqual([]);
    await expect(callerFor(otherRep).petitions.answer({ petitionId: id, text: "We are looking into waiting time pay." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rep = (await makeStaff("PLATFORM_REP", platform.id)).account;
    expect((await callerFor(rep).petitions.inbox()).map((x) => x.id)).toEqual([id]);
    await callerFor(rep).petitions.answer({ petitionId: id, text: "From next month waiting beyond 5 minutes is paid." });
    const answered = await callerFor(null).petitions.get({ petitionId: id });
    expect(answered.responseText).toContain("next month");
    expect(answered.respondedOn).not.toBeNull();

    await expect(callerFor(rep).petitions.recordDelivery({ petitionId: id, deliveredTo: "Bureau", deliveredOn: "2026-01-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(organiser).petitions.recordDelivery({ petitionId: id, deliveredTo: "市人力资源和社会保障局", deliveredOn: "2026-01-05" });
    expect((await callerFor(null).petitions.get({ petitionId: id })).deliveredTo).toBe("市人力资源和社会保障局");
  });

  it("record milestones once crossed", async () => {
    const { id } = await publishedPetition();
    await db.petitionTally.create({ data: { petitionId: id, dimension: "total", value: "", slot: 99, count: 99 } });
    await writerFor(await workerWith()).petitions.sign({ petitionId: id });
    const p = await callerFor(null).petitions.get({ petitionId: id });
    expect(p.milestones.map((m) => m.signatures)).toEqual([100]);
    expect(p.milestones[0]!.reachedOn).toBeInstanceOf(Date);
  });

  it("the sponsor link token is tied to its petition", () => {
    expect(sponsorToken("a")).not.toBe(sponsorToken("b"));
  });
});
