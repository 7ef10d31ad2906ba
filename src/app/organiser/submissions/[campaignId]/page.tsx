import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Alert, PageTitle } from "~/components/ui";
import { ScorecardsSection } from "~/features/submissions/components/document-scorecards";
import { DocumentView } from "~/features/submissions/components/document-view";
import { DraftPreviewProvider, PreviewCoverLetter, PreviewRespondBy, PreviewScorecards } from "~/features/submissions/components/draft-preview";
import { SubmissionDesk } from "~/features/submissions/components/submission-desk";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ campaignId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.organiser"))("title") };
}

export default async function OrganiserSubmissionPage({ params }: Props) {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const { campaignId } = await params;
  const caller = await api();
  const desk = await caller.submissions.desk({ campaignId }).catch(() => null);
  if (!desk) notFound();
  const [t, locale] = await Promise.all([getTranslations("submissions.organiser"), getLocale()]);
  const { campaign, submission } = desk;
  if (campaign.phase !== "CLOSED") {
    return (
      <div className="space-y-4">
        <PageTitle>{campaign.title}</PageTitle>
        <Alert tone="info">{t("campaignNotClosed")}</Alert>
      </div>
    );
  }
  const [preview, platforms] = await Promise.all([caller.submissions.preview({ campaignId, scorecards: true }), caller.accounts.platforms()]);
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));

  return (
    <DraftPreviewProvider>
      <div className="space-y-4">
        <PageTitle>{campaign.title}</PageTitle>
        <Messages ns={["submissions", "campaigns"]}>
          <SubmissionDesk campaignId={campaignId} initial={desk} />
        </Messages>
        <section aria-labelledby="preview-heading" className="space-y-2">
          <h2 id="preview-heading" className="text-xl font-bold">
            {t("preview")}
          </h2>
          <p className="text-sm text-stone-700">{t("previewNote")}</p>
          <div className="rounded-xl border-2 border-dashed border-stone-400 p-3" data-testid="submission-preview">
            <DocumentView
              doc={preview}
              platformNames={platformNames}
              live={{
                coverLetter: <PreviewCoverLetter initial={preview.coverLetter} />,
                respondBy: <PreviewRespondBy initial={preview.submission.respondBy} fixed={Boolean(submission?.respondBy)} today={preview.submission.publishedOn} />,
                scorecards: (
                  <PreviewScorecards initial={submission?.draftScorecard ?? false}>
                    <ScorecardsSection doc={preview} />
                  </PreviewScorecards>
                ),
              }}
            />
          </div>
        </section>
      </div>
    </DraftPreviewProvider>
  );
}
