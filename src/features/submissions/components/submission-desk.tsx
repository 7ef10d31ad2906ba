"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "~/components/ui";
import { day } from "~/features/campaigns/format";
import { DraftEditor } from "~/features/submissions/components/draft-editor";
import { VersionList } from "~/features/submissions/components/version-list";
import { useTRPC, type RouterOutputs } from "~/trpc/react";

type Desk = RouterOutputs["submissions"]["desk"];

/**
 * The organiser's editor, the public link and the version list, from the desk's own small query
 * (submissions.desk, first data from the server's render). Publishing asks that query again, so
 * the new version shows here without a page refresh and the compiled preview below is left as
 * it is (issue 15): a publication changes neither its figures nor its cover letter.
 */
export function SubmissionDesk({ campaignId, initial }: { campaignId: string; initial: Desk }) {
  const t = useTranslations("submissions.organiser");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.submissions.desk.queryOptions({ campaignId });
  const { submission } = useQuery({ ...options, initialData: initial, staleTime: Infinity }).data;
  const version = submission?.currentVersion ?? 0;
  return (
    <>
      {version > 0 && submission ? (
        <p>
          <Link href={`/submissions/${submission.id}`} className="font-medium text-blue-800 underline">
            {t("viewPublic")}
          </Link>
        </p>
      ) : null}
      <Card>
        <h2 className="mb-2 text-xl font-bold">{t("editor")}</h2>
        <DraftEditor
          campaignId={campaignId}
          currentVersion={version}
          respondBy={submission?.respondBy ? day(submission.respondBy) : null}
          initial={{ coverLetter: submission?.draftCoverLetter ?? "", responseDays: submission?.responseDays ?? 30, changelog: submission?.draftChangelog ?? "", includeScorecard: submission?.draftScorecard ?? false }}
          onPublished={() => queryClient.invalidateQueries({ queryKey: options.queryKey })}
        />
      </Card>
      {submission && submission.versions.length ? (
        <Card>
          <h2 className="mb-2 text-xl font-bold">{t("versions")}</h2>
          <VersionList submissionId={submission.id} versions={submission.versions} />
        </Card>
      ) : null}
    </>
  );
}
