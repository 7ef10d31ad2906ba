import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "~/i18n/messages";
import { CAMPAIGN_NOTICE_KINDS, describeNotice, SUBMISSION_NOTICE_KINDS } from "~/features/notifications/notice";

const campaign = { id: "c1", title: "骑手休息日 Rest days" };

describe.each(["zh-CN", "en"] as const)("notifications in %s", (locale) => {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "campaigns.notifications" });
  const ts = createTranslator({ locale, messages, namespace: "answers.notices" });
  const render = (kind: string, ids: { submissionId: string | null; answerId: string | null }) =>
    describeNotice({ kind, campaign, ...ids }, (k, v) => t(k as "VOTING_OPEN", v), (k, v) => ts(k as "ANSWER_ARRIVED", v));

  it("says something different for every kind, with the campaign's title", () => {
    const texts = [...CAMPAIGN_NOTICE_KINDS, ...SUBMISSION_NOTICE_KINDS].map((kind) => render(kind, { submissionId: "s1", answerId: "a1" }).text);
    for (const text of texts) {
      expect(text).toContain(campaign.title);
      expect(text).not.toMatch(/notices\.|notifications\.|[A-Z]{4,}_[A-Z]/);
    }
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("links campaign notices to the campaign and submission notices to the submission or its answers", () => {
    expect(render("VOTING_OPEN", { submissionId: null, answerId: null }).href).toBe("/campaigns/c1");
    expect(render("RESULTS_FINAL", { submissionId: null, answerId: null }).href).toBe("/campaigns/c1");
    expect(render("SUBMISSION_PUBLISHED", { submissionId: "s1", answerId: null }).href).toBe("/submissions/s1");
    expect(render("ANSWER_ARRIVED", { submissionId: "s1", answerId: "a1" }).href).toBe("/submissions/s1/answers");
    expect(render("RESPONSE_OVERDUE", { submissionId: "s1", answerId: null }).href).toBe("/submissions/s1/answers");
    expect(render("VERDICT_ASKED", { submissionId: "s1", answerId: "a1" }).href).toBe("/submissions/s1/answers#answer-a1");
  });
});
