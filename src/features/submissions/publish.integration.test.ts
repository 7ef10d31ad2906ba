import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { canonicalJson, digestOf } from "~/features/submissions/canonical";
import { submissionDocument } from "~/features/submissions/document";
import { getVersionExport } from "~/features/submissions/data";
import { setFollow } from "~/features/notifications/mutations";
import { callerFor, makePlatform, makeStaff, makeUnion, makeWorker } from "~/test/factories";
import { closedCampaign } from "~/test/closed-campaign-factories";

// Publishing (issue 6): one transaction, one version per publish however many taps, immutable
// versions chained by digest, and only the campaign's own union's organisers may do it.

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
const LETTER = "To the platforms addressed: our members ranked these demands and ask for your answer item by item.";

async function published() {
  const platform = await makePlatform();
  const made = await closedCampaign({ shanghai: 6, wuhan: 5 }, { demands: 3, input: { targetPlatformSlugs: [platform.slug], targetsUnion: true } });
  const organiser = callerFor(made.organiser.account);
  return { ...made, platform, organiser };
}

describe("publishing a submission", () => {
  it("stores one immutable version whose export re-hashes to its digest, with items, parties and notices", async () => {
    const { campaignId, organiser, platform, union } = await published();
    const follower = await makeWorker();
    await setFollow(follower.account.accountId, campaignId, true);

    const res = await organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 21, changelog: "" });
    expect(res).toMatchObject({ version: 1, duplicate: false });

    const stored = await getVersionExport(res.submissionId, 1);
    expect(createHash("sha256").update(Buffer.from(stored.document, "utf8")).digest("hex")).toBe(res.digest);
    expect(stored.digest).toBe(res.digest);
    // The stored text is canonical: parsing and re-canonicalising gives the same bytes.
    const doc = submissionDocument.parse(JSON.parse(stored.document));
    expect(canonicalJson(doc)).toBe(stored.document);
    expect(doc.submission).toMatchObject({ id: res.submissionId, version: 1, previousDigest: null, changelog: null });
    expect(doc.coverLetter).toBe(LETTER);

    const sub = await db.submission.findUniqueOrThrow({ where: { id: res.submissionId }, select: { firstPublishedOn: true, respondBy: true, currentVersion: true, responseDays: true } });
    expect(sub.currentVersion).toBe(1);
    expect(sub.responseDays).toBe(21);
    expect((sub.respondBy!.getTime() - sub.firstPublishedOn!.getTime()) / 86_400_000).toBe(21);
    expect(doc.submission.respondBy).toBe(sub.respondBy!.toISOString().slice(0, 10));

    const items = await db.submissionItem.findMany({ where: { submissionId: res.submissionId }, orderBy: { rank: "asc" }, select: { demandId: true, rank: true, version: true } });
    expect(items.map((i) => i.demandId)).toEqual(doc.demands.map((d) => d.demandId));
    const parties = await db.submissionParty.findMany({ where: { submissionId: res.submissionId }, select: { kind: true, platformId: true, unionId: true } });
    expect(parties).toHaveLength(2);
    expect(parties).toEqual(expect.arrayContaining([{ kind: "PLATFORM", platformId: platform.id, unionId: null }, { kind: "UNION", platformId: null, unionId: union.id }]));
    const notices = await db.notification.findMany({ where: { accountId: follower.account.accountId, submissionId: res.submissionId }, select: { kind: true, dedupeKey: true } });
    expect(notices).toEqual([{ kind: "SUBMISSION_PUBLISHED", dedupeKey: `published:${res.submissionId}:1` }]);

    // The public sees the stored text, not a recompile.
    const pub = await callerFor(null).submissions.get({ submissionId: res.submissionId });
    expect(pub.document).toBe(stored.document);
    expect(pub.digest).toBe(res.digest);
  });

  it("gives one version for 20 concurrent publishes", async () => {
    const { campaignId, organiser } = await published();
    const follower = await makeWorker();
    await setFollow(follower.account.accountId, campaignId, true);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 30, changelog: "" })),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([]);
    expect(ok.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.digest)).size).toBe(1);
    const submissionId = ok[0]!.submissionId;
    expect(await db.submissionVersion.count({ where: { submissionId } })).toBe(1);
    expect(await db.submissionItem.count({ where: { submissionId } })).toBe(3);
    expect(await db.submissionParty.count({ where: { submissionId } })).toBe(2);
    expect(await db.notification.count({ where: { accountId: follower.account.accountId, submissionId } })).toBe(1);
  });

  it("requires a changelog for a correction, chains digests and keeps the response clock and items", async () => {
    const { campaignId, organiser } = await published();
    const v1 = await organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 30, changelog: "" });
    const before = await db.submission.findUniqueOrThrow({ where: { id: v1.submissionId }, select: { respondBy: true, firstPublishedOn: true } });
    const items = await db.submissionItem.findMany({ where: { submissionId: v1.submissionId }, select: { id: true }, orderBy: { id: "asc" } });

    const corrected = `${LETTER} (Corrected: the response period is counted in calendar days.)`;
    expect(await code(organiser.submissions.publish({ campaignId, expectedVersion: 1, coverLetter: corrected, responseDays: 30, changelog: " " }))).toBe("CHANGELOG_REQUIRED");
    // Looking at a stale state with different content is a conflict, not a silent success.
    expect(await code(organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: corrected, responseDays: 30, changelog: "" }))).toBe("CONFLICT");
    expect(await db.submissionVersion.count({ where: { submissionId: v1.submissionId } })).toBe(1);

    const v2 = await organiser.submissions.publish({ campaignId, expectedVersion: 1, coverLetter: corrected, responseDays: 90, changelog: "Clarified the response period." });
    expect(v2).toMatchObject({ submissionId: v1.submissionId, version: 2 });
    const doc2 = JSON.parse((await getVersionExport(v1.submissionId, 2)).document);
    expect(doc2.submission).toMatchObject({ version: 2, previousDigest: v1.digest, changelog: "Clarified the response period." });
    expect(digestOf((await getVersionExport(v1.submissionId, 1)).document)).toBe(v1.digest);
    expect(await db.submission.findUniqueOrThrow({ where: { id: v1.submissionId }, select: { respondBy: true, firstPublishedOn: true } })).toEqual(before);
    expect(await db.submissionItem.findMany({ where: { submissionId: v1.submissionId }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(items);

    // Older versions stay readable as they were.
    const old = await callerFor(null).submissions.get({ submissionId: v1.submissionId, version: 1 });
    expect(old.digest).toBe(v1.digest);
    expect(JSON.parse(old.document).coverLetter).toBe(LETTER);
  });

  it("refuses open campaigns, personal data and drafts on public reads, storing nothing", async () => {
    const open = await closedCampaign({ shanghai: 5 }, { keepOpen: true });
    const caller = callerFor(open.organiser.account);
    expect(await code(caller.submissions.publish({ campaignId: open.campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 30, changelog: "" }))).toBe("CAMPAIGN_NOT_CLOSED");
    expect(await code(caller.submissions.preview({ campaignId: open.campaignId }))).toBe("CAMPAIGN_NOT_CLOSED");

    const { campaignId, organiser } = await published();
    const withPhone = `${LETTER} Call 138 1234 5678.`;
    expect(await code(organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: withPhone, responseDays: 30, changelog: "" }))).toBe("PII_DETECTED");
    expect(await code(organiser.submissions.saveDraft({ campaignId, coverLetter: withPhone, responseDays: 30, changelog: "" }))).toBe("PII_DETECTED");
    expect(await db.submission.count({ where: { campaignId } })).toBe(0);

    await organiser.submissions.saveDraft({ campaignId, coverLetter: "DRAFT-ONLY letter", responseDays: 30, changelog: "" });
    const draft = await db.submission.findUniqueOrThrow({ where: { campaignId }, select: { id: true } });
    expect(await code(callerFor(null).submissions.get({ submissionId: draft.id }))).toBe("NOT_FOUND");
    expect((await callerFor(null).submissions.list()).map((s) => s.id)).not.toContain(draft.id);
    expect((await organiser.submissions.preview({ campaignId })).coverLetter).toBe("DRAFT-ONLY letter");

    const v1 = await organiser.submissions.publish({ campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 30, changelog: "" });
    await organiser.submissions.saveDraft({ campaignId, coverLetter: "NEXT-DRAFT letter", responseDays: 30, changelog: "draft changelog" });
    const pub = await callerFor(null).submissions.get({ submissionId: v1.submissionId });
    expect(pub.document).not.toContain("NEXT-DRAFT");
    expect(JSON.stringify(pub)).not.toContain("draft changelog");
    expect(await code(callerFor(null).submissions.get({ submissionId: v1.submissionId, version: 2 }))).toBe("NOT_FOUND");
  });

  it("lets only organisers of the campaign's union compile, preview or publish", async () => {
    const { campaignId, organiser, union } = await published();
    const platform = await makePlatform();
    const stranger = (await makeStaff("ORGANISER", (await makeUnion()).id)).account;
    const worker = (await makeWorker()).account;
    const rep = (await makeStaff("PLATFORM_REP", platform.id)).account;
    const admin = (await makeStaff("ADMIN")).account;
    const input = { campaignId, expectedVersion: 0, coverLetter: LETTER, responseDays: 30, changelog: "" };
    const draft = { campaignId, coverLetter: LETTER, responseDays: 30, changelog: "" };
    for (const [who, account, expected] of [
      ["other union's organiser", stranger, "NOT_FOUND"],
      ["worker", worker, "FORBIDDEN"],
      ["platform representative", rep, "FORBIDDEN"],
      ["admin", admin, "FORBIDDEN"],
      ["anonymous", null, "UNAUTHORIZED"],
    ] as const) {
      const c = callerFor(account);
      expect(await code(c.submissions.publish(input)), who).toBe(expected);
      expect(await code(c.submissions.saveDraft(draft)), who).toBe(expected);
      expect(await code(c.submissions.preview({ campaignId })), who).toBe(expected);
      expect(await code(c.submissions.desk({ campaignId })), who).toBe(expected);
    }
    // A smuggled union id changes nothing: the union comes from the session.
    expect(await code(callerFor(stranger).submissions.publish({ ...input, unionId: union.id } as never))).toBe("BAD_REQUEST");
    expect(await db.submission.count({ where: { campaignId } })).toBe(0);
    expect(await code(organiser.submissions.publish(input))).toBe("OK");
  });
});
