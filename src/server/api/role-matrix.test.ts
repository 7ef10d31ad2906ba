import { describe, expect, it } from "vitest";
import type { SessionAccount } from "~/features/accounts/data";
import { appRouter } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/trpc";
import { db } from "~/server/db";
import { makeCampaign } from "~/test/campaign-factories";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { validReport } from "~/test/report-input";
import { writerFor } from "~/test/write-client";

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

// P7 for moderation: an organiser moderates their own union's petitions, comments and report
// narratives only. Every moderation call made by an organiser of another union is refused and
// changes nothing, and that organiser's queues do not show the items.
describe("moderation by an organiser of another union", () => {
  type Caller = ReturnType<typeof callerFor>;
  const text = { title: "Pay for waiting time at pickup", ask: "Pay every minute of waiting beyond five.", reason: "We wait twenty minutes unpaid." };

  async function pendingPetition(target: Parameters<Caller["petitions"]["start"]>[0]["target"], campaignId?: string) {
    const { id, sponsorToken } = await callerFor((await makeWorker()).account).petitions.start({ ...text, target, ...(campaignId ? { campaignId } : {}) });
    for (let i = 0; i < 5; i++) await callerFor((await makeWorker()).account).petitions.sponsor({ petitionId: id, token: sponsorToken });
    return id;
  }

  const snapshot = (petitionId: string) =>
    db.petition.findUniqueOrThrow({ where: { id: petitionId }, select: { status: true, threshold: true, deliveredTo: true, rejectionReason: true, verifiedOnly: true } });

  /** Every moderation call on these items, as `other`: all refused, nothing changed, nothing listed. */
  async function expectRefused(other: Caller, items: { pending: string; published: string; signatureId: string; reportId?: string }) {
    const before = [await snapshot(items.pending), await snapshot(items.published)];
    const comment = () => db.petitionSignature.findUniqueOrThrow({ where: { id: items.signatureId }, select: { commentStatus: true, comment: true } });
    const commentBefore = await comment();
    const calls: [string, () => Promise<unknown>][] = [
      ["get unpublished", () => other.petitions.get({ petitionId: items.pending })],
      ["moderate publish", () => other.petitions.moderate({ petitionId: items.pending, decision: "PUBLISH" })],
      ["moderate reject", () => other.petitions.moderate({ petitionId: items.pending, decision: "REJECT", reason: "Not ours to judge." })],
      ["setThreshold", () => other.petitions.setThreshold({ petitionId: items.published, threshold: 7 })],
      ["setThreshold pending", () => other.petitions.setThreshold({ petitionId: items.pending, threshold: 7 })],
      ["setVerifiedOnly pending", () => other.petitions.setVerifiedOnly({ petitionId: items.pending, verifiedOnly: true })],
      ["recordDelivery", () => other.petitions.recordDelivery({ petitionId: items.published, deliveredTo: "Labour bureau", deliveredOn: "2026-11-02" })],
      ["moderateComment", () => other.petitions.moderateComment({ signatureId: items.signatureId, decision: "REJECTED" })],
      ...(items.reportId ? ([["reports.moderate", () => other.reports.moderate({ id: items.reportId!, decision: "REJECTED" })]] as [string, () => Promise<unknown>][]) : []),
    ];
    for (const [name, call] of calls) expect(await callAs2(call), name).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect([await snapshot(items.pending), await snapshot(items.published)]).toEqual(before);
    expect(await comment()).toEqual(commentBefore);
    const queue = await other.petitions.moderationQueue();
    const ids = [...queue.pending.map((p) => p.id), ...queue.published.map((p) => p.id), ...queue.comments.map((c) => c.id)];
    expect(ids).not.toEqual(expect.arrayContaining([items.pending]));
    expect(ids).not.toContain(items.published);
    expect(ids).not.toContain(items.signatureId);
    if (items.reportId) {
      expect((await other.reports.pendingNarratives()).map((n) => n.id)).not.toContain(items.reportId);
      expect((await db.report.findUniqueOrThrow({ where: { id: items.reportId }, select: { narrativeStatus: true } })).narrativeStatus).toBe("PENDING");
    }
  }

  async function callAs2(call: () => Promise<unknown>) {
    try {
      await call();
      return "OK";
    } catch (err) {
      return (err as { code?: string }).code ?? "ERROR";
    }
  }

  /** A published petition with one pending comment, moderated by `home`. */
  async function publishedWithComment(home: Caller, pendingId: string) {
    await home.petitions.moderate({ petitionId: pendingId, decision: "PUBLISH", threshold: 100 });
    await writerFor((await makeWorker()).account).petitions.sign({ petitionId: pendingId, comment: "We wait far too long every day." });
    const sig = await db.petitionSignature.findFirstOrThrow({ where: { petitionId: pendingId, commentStatus: "PENDING" }, select: { id: true } });
    return sig.id;
  }

  it("refuses every call on petitions addressed to a union, or in its campaign", async () => {
    const unionA = await makeUnion();
    const home = callerFor((await makeStaff("ORGANISER", unionA.id)).account);
    const other = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    const campaign = await makeCampaign();
    const campaignHome = callerFor(campaign.organiser.account);

    for (const [owner, target, campaignId] of [
      [home, { kind: "UNION", unionId: unionA.id }, undefined],
      [campaignHome, { kind: "OTHER", name: "Labour bureau" }, campaign.campaignId],
      // In union A's campaign, the campaign's union moderates even a petition addressed elsewhere.
      [campaignHome, { kind: "UNION", unionId: unionA.id }, campaign.campaignId],
    ] as const) {
      const published = await pendingPetition(target, campaignId);
      const signatureId = await publishedWithComment(owner, published);
      const pending = await pendingPetition(target, campaignId);
      await expectRefused(other, { pending, published, signatureId });
      expect((await owner.petitions.moderationQueue()).pending.map((p) => p.id)).toContain(pending);
      await expect(owner.petitions.get({ petitionId: pending })).resolves.toMatchObject({ phase: "PENDING_MODERATION" });
    }
  });

  it("sends platform petitions and report narratives to the union an admin assigns, and to no one before", async () => {
    const platform = await makePlatform();
    const unionA = await makeUnion();
    const home = callerFor((await makeStaff("ORGANISER", unionA.id)).account);
    const other = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const report = await writerFor((await makeWorker()).account).reports.submit(validReport({ platformSlug: platform.slug, narrative: "The app docks pay when the lift is broken." }));
    const reportId = (report as { id: string }).id;

    const published = await pendingPetition({ kind: "PLATFORM", platformId: platform.id });
    // Unassigned: in nobody's queue, and the admin overview says the platform lacks a union.
    expect((await home.petitions.moderationQueue()).pending.map((p) => p.id)).not.toContain(published);
    expect((await home.reports.pendingNarratives()).map((n) => n.id)).not.toContain(reportId);
    expect(await callAs2(() => home.petitions.moderate({ petitionId: published, decision: "PUBLISH" }))).toBe("NOT_FOUND");
    const unassigned = (await admin.admin.overview()).moderation.find((m) => m.scope === platform.id);
    expect(unassigned).toMatchObject({ unionId: null });

    await admin.admin.assignModeration({ scope: platform.id, unionId: unionA.id });
    expect((await admin.admin.overview()).moderation.find((m) => m.scope === platform.id)).toMatchObject({ unionId: unionA.id });
    const signatureId = await publishedWithComment(home, published);
    const pending = await pendingPetition({ kind: "PLATFORM", platformId: platform.id });
    await expectRefused(other, { pending, published, signatureId, reportId });
    expect((await home.reports.pendingNarratives()).map((n) => n.id)).toContain(reportId);
    await home.reports.moderate({ id: reportId, decision: "APPROVED" });
  });

  it("sends petitions to a party outside the portal and outside any campaign to the union assigned for them", async () => {
    const unionA = await makeUnion();
    const home = callerFor((await makeStaff("ORGANISER", unionA.id)).account);
    const other = callerFor((await makeStaff("ORGANISER", (await makeUnion()).id)).account);
    const admin = callerFor((await makeStaff("ADMIN")).account);
    await admin.admin.assignModeration({ scope: "OTHER", unionId: unionA.id });
    const published = await pendingPetition({ kind: "OTHER", name: "City labour bureau" });
    const signatureId = await publishedWithComment(home, published);
    const pending = await pendingPetition({ kind: "OTHER", name: "City labour bureau" });
    await expectRefused(other, { pending, published, signatureId });
  });

  it("lets only admins assign, and refuses unknown platforms or unions", async () => {
    const union = await makeUnion();
    const organiser = callerFor((await makeStaff("ORGANISER", union.id)).account);
    expect(await callAs2(() => organiser.admin.assignModeration({ scope: "OTHER", unionId: union.id }))).toBe("FORBIDDEN");
    const admin = callerFor((await makeStaff("ADMIN")).account);
    expect(await callAs2(() => admin.admin.assignModeration({ scope: "no-such-platform", unionId: union.id }))).toBe("NOT_FOUND");
    const platform = await makePlatform();
    expect(await callAs2(() => admin.admin.assignModeration({ scope: platform.id, unionId: "no-such-union" }))).toBe("NOT_FOUND");
  });
});
