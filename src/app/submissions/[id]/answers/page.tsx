import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { Card, PageTitle } from "~/components/ui";
import { DAY_FORMAT } from "~/lib/days";
import { AnswerTimeline } from "~/features/answers/components/answer-timeline";
import { ClockLine } from "~/features/answers/components/clock-line";
import { StatusBadge } from "~/features/answers/components/status-badge";
import { JudgeNote, VerdictSlot } from "~/features/verdicts/components/judge-slots";
import { VerdictSummary } from "~/features/verdicts/components/verdict-summary";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

// Once per render: metadata and the page share it.
const load = cache(async (id: string) => (await api()).answers.public({ submissionId: id }).catch(() => null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  const t = await getTranslations("answers.page");
  return { title: data ? t("title", { title: data.submission.title }) : t("metaTitle") };
}

/**
 * Public and phone-first: the clock, each demand's claims beside workers' verdicts, the timeline.
 * The same for everyone (cached, issue 15): who may judge, and how, comes from the personal request.
 */
export default async function SubmissionAnswersPage({ params }: Props) {
  const { id } = await params;
  const data = await load(id);
  if (!data) notFound();
  const [t, tc, tx, format, locale] = await Promise.all([
    getTranslations("answers.page"),
    getTranslations("answers.clock"),
    getTranslations("taxonomy"),
    getFormatter(),
    getLocale(),
  ]);
  const { submission, parties, items, timeline } = data;
  const name = (n: { nameZh: string; nameEn: string }) => (locale === "en" ? n.nameEn : n.nameZh);
  const anyOpen = items.some((i) => i.claims.some((c) => c.verdictsOpen));
  return (
    <div className="space-y-4">
      <PageTitle>{t("title", { title: submission.title })}</PageTitle>
      <p>{t("intro")}</p>
      <Link href={`/submissions/${submission.id}`} className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
        {t("document")}
      </Link>

      <Card className="space-y-3" aria-labelledby="clock-title">
        <h2 id="clock-title" className="text-xl font-bold">
          {t("clockTitle")}
        </h2>
        <p>
          {tc("publishedOn", { date: format.dateTime(submission.publishedOn, DAY_FORMAT) })} · {tc("respondBy", { date: format.dateTime(submission.respondBy, DAY_FORMAT) })}
        </p>
        <ul className="space-y-2">
          {parties.map((p) => (
            <li key={p.id} data-testid="party-clock">
              <p className="font-semibold">{name(p.name)}</p>
              <ClockLine respondBy={submission.respondBy} completedOn={p.completedOn} answered={p.answered} items={items.length} />
            </li>
          ))}
        </ul>
      </Card>

      {anyOpen ? (
        <Messages ns={["answers"]}>
          <JudgeNote />
        </Messages>
      ) : null}

      <h2 className="text-xl font-bold">{t("itemsTitle")}</h2>
      <Messages ns={["verdicts"]}>
        {items.map((item) => (
          <Card key={item.id} id={`item-${item.rank}`} className="space-y-3" data-testid="answer-item" aria-labelledby={`item-title-${item.rank}`}>
            <h3 id={`item-title-${item.rank}`} className="text-lg font-bold">
              {t("item", { rank: item.rank })}: {item.title}
            </h3>
            <p className="text-sm text-stone-700">{tx(`category.${item.category}` as "category.other")}</p>
            {item.claims.map((c) => {
              const party = parties.find((p) => p.id === c.partyId)!;
              return (
                <div key={c.partyId} id={c.answer ? `answer-${c.answer.id}` : undefined} className="space-y-2 border-t border-stone-200 pt-3">
                  <h4 className="font-semibold">{t("claim", { party: name(party.name) })}</h4>
                  {c.answer ? (
                    <>
                      <p className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={c.answer.status} />
                        <span className="text-sm text-stone-700">{t("answeredOn", { date: format.dateTime(c.answer.answeredOn, DAY_FORMAT) })}</span>
                      </p>
                      <p className="whitespace-pre-line break-words">{c.answer.text}</p>
                      {c.answer.dueOn ? <p className="font-semibold">{t("dueBy", { date: format.dateTime(c.answer.dueOn, DAY_FORMAT) })}</p> : null}
                      {c.answer.dueOn ? (
                        <div className="rounded-lg bg-stone-50 p-3">
                          <h5 className="mb-1 font-semibold">{t("verdictTitle")}</h5>
                          <VerdictSummary verdicts={c.verdicts} dueOn={c.answer.dueOn} />
                        </div>
                      ) : null}
                      {c.verdictsOpen ? <VerdictSlot answerId={c.answer.id} /> : null}
                    </>
                  ) : (
                    <p className="text-stone-700">{t("noAnswer")}</p>
                  )}
                </div>
              );
            })}
          </Card>
        ))}
      </Messages>

      <Card className="space-y-3" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-xl font-bold">
          {t("timelineTitle")}
        </h2>
        <AnswerTimeline answers={timeline} parties={parties} items={items} />
      </Card>
    </div>
  );
}
