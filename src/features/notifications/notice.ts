// What a notification says and where it leads. Pure, so a unit test can render every kind in
// every locale. Campaign notices lead to the campaign; submission notices to the submission or
// its answers page (a verdict request straight to the answer it asks about).

export type Notice = { kind: string; submissionId: string | null; answerId: string | null; campaign: { id: string; title: string } };
type Translate = (key: string, values: { title: string }) => string;

export const CAMPAIGN_NOTICE_KINDS = ["VOTING_OPEN", "RESULTS_FINAL"] as const;
export const SUBMISSION_NOTICE_KINDS = ["SUBMISSION_PUBLISHED", "ANSWER_ARRIVED", "RESPONSE_OVERDUE", "VERDICT_ASKED"] as const;

/** `campaignT` reads campaigns.notifications, `submissionT` answers.notices. */
export function describeNotice(n: Notice, campaignT: Translate, submissionT: Translate) {
  const title = n.campaign.title;
  const kind = SUBMISSION_NOTICE_KINDS.find((k) => k === n.kind);
  if (!kind || !n.submissionId) {
    return { text: campaignT(n.kind === "RESULTS_FINAL" ? "RESULTS_FINAL" : "VOTING_OPEN", { title }), href: `/campaigns/${n.campaign.id}` };
  }
  const answers = `/submissions/${n.submissionId}/answers`;
  const href = kind === "SUBMISSION_PUBLISHED" ? `/submissions/${n.submissionId}` : kind === "VERDICT_ASKED" && n.answerId ? `${answers}#answer-${n.answerId}` : answers;
  return { text: submissionT(kind, { title }), href };
}
