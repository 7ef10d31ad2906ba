import { getLocale } from "next-intl/server";
import { Card } from "~/components/ui";
import type { Locale } from "~/i18n/config";
import type { SubmissionDocument } from "~/features/submissions/document";
import { scopeScoreOf } from "~/features/submissions/scorecard";
import { textsFor } from "~/features/scorecard/components/labels";
import { ScopeScoreCard } from "~/features/scorecard/components/scope-score";

/** The addressed platforms' scorecards as the document froze them, when the organiser included them. */
export async function ScorecardsSection({ doc }: { doc: SubmissionDocument }) {
  if (!doc.scorecards?.length) return null;
  const locale = (await getLocale()) as Locale;
  const texts = textsFor(locale);
  return (
    <>
      {doc.scorecards.map((s) => {
        const name = locale === "en" ? s.platform.nameEn : s.platform.nameZh;
        return (
          <Card key={s.platform.slug} className="space-y-2" data-testid={`submission-scorecard-${s.platform.slug}`}>
            <h3 className="text-lg font-bold">{texts.t("submission.title", { name })}</h3>
            <ScopeScoreCard texts={texts} slug={s.platform.slug} score={scopeScoreOf(s)} level={4} />
          </Card>
        );
      })}
    </>
  );
}
