import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card } from "~/components/ui";
import type { SubmissionDocument } from "~/features/submissions/document";
import { sharePct } from "~/features/verification/credibility";
import { ScorecardsSection } from "~/features/submissions/components/document-scorecards";
import { BreakdownsSection, ConditionsSection, MethodSection, PetitionsSection, QuotesSection } from "~/features/submissions/components/document-sections";

// A live part inside a translated sentence: the sentence is translated with a marker for the
// value and split around it (a function value in t.rich is only called for tags, not {date}).
const MARK = "\u0001";
function around(sentence: string, part: ReactNode) {
  const [before, after = ""] = sentence.split(MARK);
  return (
    <>
      {before}
      {part}
      {after}
    </>
  );
}

// One rendering of the canonical document, used for the organiser's live preview and for the
// public page of a published version (which passes the stored document, never a recompile).
// Figures arrive already privacy-filtered: null is shown as "<5".

export type Labels = { platformNames: Record<string, string> };

/** `live`: the organiser's preview puts its draft-bound parts here (draft-preview.tsx). */
export async function DocumentView({ doc, platformNames, live }: { doc: SubmissionDocument; live?: { coverLetter: ReactNode; respondBy: ReactNode; scorecards: ReactNode } } & Labels) {
  const [t, tx, locale] = await Promise.all([getTranslations("submissions.doc"), getTranslations("taxonomy"), getLocale()]);
  const en = locale === "en";
  const c = doc.campaign;
  const scope = [...c.scope.platforms.map((s) => platformNames[s] ?? s), ...c.scope.sectors.map((s) => tx(`sector.${s}` as never)), ...c.scope.cities.map((s) => tx(`city.${s}` as never))];
  const to = [
    ...c.addressees.platforms.map((p) => (en ? p.nameEn : p.nameZh)),
    ...(c.addressees.union ? [t("theUnion", { name: en ? c.union.nameEn : c.union.nameZh })] : []),
    ...(c.addressees.government ? [c.addressees.government] : []),
  ];
  const fmt = (v: number | null) => (v === null ? t("hidden") : new Intl.NumberFormat(locale).format(v));
  const pct = (v: number | null) => (v === null ? t("hidden") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v));
  const p = doc.participation;

  return (
    <article className="space-y-4" data-testid="submission-document">
      <header className="space-y-2">
        <h2 className="text-xl font-bold">{c.title}</h2>
        <p className="text-sm text-stone-700">{en ? c.union.nameEn : c.union.nameZh}</p>
        <p className="whitespace-pre-line">{c.description}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {to.length ? (
            <>
              <dt className="font-medium">{t("to")}</dt>
              <dd>{to.join("、")}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("scope")}</dt>
          <dd>
            {scope.length ? scope.join("、") : t("everyone")}
            {c.verifiedOnly ? ` · ${t("verifiedOnly")}` : ""}
          </dd>
        </dl>
        <p className="text-sm text-stone-700">{t("dates", { proposing: c.phases.proposingFrom, voting: c.phases.votingFrom, closes: c.phases.closesOn })}</p>
        <p className="font-medium" data-testid="respond-by">
          {live ? around(t("respondBy", { date: MARK }), live.respondBy) : t("respondBy", { date: doc.submission.respondBy })}
        </p>
      </header>

      <Card>
        <h3 className="mb-2 text-lg font-bold">{t("coverLetter")}</h3>
        <p className="whitespace-pre-line" data-testid="cover-letter">
          {live ? live.coverLetter : doc.coverLetter}
        </p>
      </Card>

      <Card>
        <h3 className="mb-2 text-lg font-bold">{t("participation")}</h3>
        <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
          <dt>{t("ballots")}</dt>
          <dd className="text-right font-semibold" data-testid="participation-ballots">
            {fmt(p.ballots)}
          </dd>
          <dt>{t("verifiedShare")}</dt>
          <dd className="text-right font-semibold">{p.verifiedShare === null || p.ballots === null ? pct(null) : sharePct(p.verifiedShare, p.ballots, locale)}</dd>
          <dt>{t("proposed")}</dt>
          <dd className="text-right">{p.demandsProposed}</dd>
          <dt>{t("approved")}</dt>
          <dd className="text-right">{p.demandsApproved}</dd>
        </dl>
      </Card>

      <Card>
        <h3 className="mb-2 text-lg font-bold">{t("demands")}</h3>
        {p.ballots === null ? <p className="mb-2 text-sm">{t("tooFew")}</p> : null}
        <ol className="space-y-3">
          {doc.demands.map((d) => (
            <li key={d.demandId} className="border-b border-stone-200 pb-2" data-testid="submission-demand">
              <p className="font-semibold">
                {t("rank")} {d.rank} · #{d.number} {d.title}
              </p>
              <p className="text-sm text-stone-700">{tx(`category.${d.category}` as never)}</p>
              <p className="whitespace-pre-line text-sm">{d.text}</p>
              <p className="text-sm">
                {t("points")} <strong>{fmt(d.points)}</strong> · {t("firsts")} <strong>{fmt(d.firsts)}</strong> · {t("share")} <strong>{pct(d.share)}</strong>
              </p>
            </li>
          ))}
        </ol>
      </Card>

      <BreakdownsSection doc={doc} platformNames={platformNames} />
      <PetitionsSection doc={doc} />
      <ConditionsSection doc={doc} platformNames={platformNames} />
      <QuotesSection doc={doc} />
      {live ? live.scorecards : <ScorecardsSection doc={doc} />}
      <MethodSection doc={doc} />
    </article>
  );
}
