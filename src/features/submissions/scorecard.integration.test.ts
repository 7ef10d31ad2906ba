import { describe, expect, it } from "vitest";
import { submitReport } from "~/features/reports/mutations";
import { readPlatformScorecard } from "~/features/scorecard/data";
import { digestOf } from "~/features/submissions/canonical";
import { getVersionExport } from "~/features/submissions/data";
import { submissionDocument } from "~/features/submissions/document";
import { toDocumentScorecard } from "~/features/submissions/scorecard";
import { chinaToday } from "~/lib/days";
import { callerFor, makePlatform, uid } from "~/test/factories";
import { closedCampaign } from "~/test/closed-campaign-factories";
import { validReport } from "~/test/report-input";

// The scorecard as an optional section of a submission (issue 16): the organiser's choice is kept
// with the draft, the preview shows it, and publishing freezes the addressed platform's
// scorecard into the version's canonical document, so the digest covers it.

const LETTER = "To the platform addressed: our members ranked these demands and ask for your answer.";

async function setUp() {
  const platform = await makePlatform();
  // Ten reports in a quarter sealed long before today (2026-Q2): they make the platform's score.
  for (let i = 0; i < 10; i++) {
    await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: platform.slug, month: "2026-05", city: "beijing", activeHoursPerWeek: 40 }), today: new Date("2026-05-20T00:00:00Z") });
  }
  const made = await closedCampaign({ shanghai: 6 }, { demands: 2, input: { targetPlatformSlugs: [platform.slug] } });
  return { ...made, platform, organiser: callerFor(made.organiser.account) };
}

describe("a submission's scorecard section", () => {
  it("is left out unless the organiser includes it, then previewed and frozen into the published version", async () => {
    const { campaignId, organiser, platform } = await setUp();
    const draft = { campaignId, coverLetter: LETTER, responseDays: 30, changelog: "" };

    expect((await organiser.submissions.preview({ campaignId })).scorecards).toBeUndefined();
    await organiser.submissions.saveDraft({ ...draft, includeScorecard: true });
    const preview = await organiser.submissions.preview({ campaignId });
    const expected = toDocumentScorecard((await readPlatformScorecard(platform.slug, chinaToday().toISOString().slice(0, 10)))!);
    expect(preview.scorecards).toEqual([expected]);
    expect(expected.reports).toBe(10);
    expect(expected.principles.find((p) => p.principle === "pay")!.basic.status).toBe("awarded");

    const res = await organiser.submissions.publish({ ...draft, includeScorecard: true, expectedVersion: 0 });
    const stored = await getVersionExport(res.submissionId, 1);
    const doc = submissionDocument.parse(JSON.parse(stored.document));
    expect(doc.scorecards).toEqual([expected]);
    expect(digestOf(stored.document)).toBe(res.digest);
    // Any change to the frozen scorecard changes the digest anyone can recompute.
    expect(digestOf(stored.document.replace('"reports":10', '"reports":15'))).not.toBe(res.digest);
  });

  it("a version published without it has no scorecard key at all", async () => {
    const { campaignId, organiser } = await setUp();
    const res = await organiser.submissions.publish({ campaignId, coverLetter: LETTER, responseDays: 30, changelog: "", expectedVersion: 0 });
    const stored = await getVersionExport(res.submissionId, 1);
    expect(stored.document).not.toContain("scorecards");
  });
});
