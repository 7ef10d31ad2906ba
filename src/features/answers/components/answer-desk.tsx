"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Card, PageTitle } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { DAY_FORMAT, isoDay, chinaToday } from "~/lib/days";
import type { AnswerStatus } from "~/features/answers/schema";
import { AnswerForm } from "~/features/answers/components/answer-form";
import { ClockLine } from "~/features/answers/components/clock-line";
import { StatusBadge } from "~/features/answers/components/status-badge";

type DeskAnswer = { id: string; status: AnswerStatus; text: string; dueOn: Date | null; answeredOn: Date };
export type Desk = {
  submission: { id: string; title: string; publishedOn: Date; respondBy: Date };
  party: { name: { nameZh: string; nameEn: string }; completedOn: Date | null };
  items: { id: string; rank: number; title: string; category: string; current: DeskAnswer | null; earlier: DeskAnswer[] }[];
};

function AnswerText({ answer }: { answer: DeskAnswer }) {
  const [t, format] = [useTranslations("answers.desk"), useFormatter()];
  return (
    <div className="space-y-1">
      <StatusBadge status={answer.status} />
      <p className="whitespace-pre-line break-words">{answer.text}</p>
      {answer.dueOn ? <p className="text-sm font-semibold">{t("dueBy", { date: format.dateTime(answer.dueOn, DAY_FORMAT) })}</p> : null}
    </div>
  );
}

/**
 * The answering party's desk: every item with its current answer and a form to answer again.
 * The server's render is the query's first data; after an answer is saved the desk asks its own
 * query again (issue 15: no page refresh), so the item, its history and the clock follow.
 * Inside <Messages ns={["answers", "taxonomy"]}>.
 */
export function AnswerDesk({ desk: initial, as }: { desk: Desk; as: "platform" | "union" }) {
  const [t, tc, tx, format, locale] = [useTranslations("answers.desk"), useTranslations("answers.clock"), useTranslations("taxonomy"), useFormatter(), useLocale()];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { submissionId: initial.submission.id };
  // Both desks are getAnswerDesk for the session's party: one shape.
  const options = as === "platform" ? trpc.answers.platformDesk.queryOptions(input) : (trpc.answers.unionDesk.queryOptions(input) as unknown as ReturnType<typeof trpc.answers.platformDesk.queryOptions>);
  const query = useQuery({ ...options, initialData: initial as never, staleTime: Infinity });
  const desk = (query.data as Desk | undefined) ?? initial;
  const saved = () => queryClient.invalidateQueries({ queryKey: options.queryKey });
  const { submission, party, items } = desk;
  const answered = items.filter((i) => i.current).length;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title", { title: submission.title })}</PageTitle>
      <p>{t("answeringAs", { name: locale === "en" ? party.name.nameEn : party.name.nameZh })}</p>
      <Card className="space-y-1">
        <p>
          {tc("publishedOn", { date: format.dateTime(submission.publishedOn, DAY_FORMAT) })} · {tc("respondBy", { date: format.dateTime(submission.respondBy, DAY_FORMAT) })}
        </p>
        <ClockLine respondBy={submission.respondBy} completedOn={party.completedOn} answered={answered} items={items.length} />
        <p className="flex flex-wrap gap-x-4">
          <Link href={`/submissions/${submission.id}`} className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
            {t("document")}
          </Link>
          <Link href={`/submissions/${submission.id}/answers`} className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
            {t("publicAnswers")}
          </Link>
        </p>
      </Card>
      <p>{t("intro")}</p>
      {items.map((item) => (
          <Card key={item.id} className="space-y-3" data-testid="desk-item" aria-labelledby={`item-${item.id}`}>
            <h2 id={`item-${item.id}`} className="text-lg font-bold">
              {t("item", { rank: item.rank })}: {item.title}
            </h2>
            <p className="text-sm text-stone-700">{t("category", { category: tx(`category.${item.category}` as "category.other") })}</p>
            {item.current ? (
              <div className="rounded-lg bg-stone-50 p-3">
                <h3 className="mb-1 font-semibold">{t("current", { date: format.dateTime(item.current.answeredOn, DAY_FORMAT) })}</h3>
                <AnswerText answer={item.current} />
              </div>
            ) : (
              <p className="font-semibold text-amber-900">{t("noAnswer")}</p>
            )}
            {item.earlier.length ? (
              <details>
                <summary className="min-h-11 cursor-pointer content-center font-medium">{t("earlier", { count: item.earlier.length })}</summary>
                <ul className="space-y-2 pt-2">
                  {item.earlier.map((a) => (
                    <li key={a.id} className="border-l-4 border-stone-300 pl-3">
                      <p className="text-sm text-stone-700">{format.dateTime(a.answeredOn, DAY_FORMAT)}</p>
                      <AnswerText answer={a} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <AnswerForm
              as={as}
              onSaved={saved}
              submissionId={submission.id}
              itemId={item.id}
              minDate={isoDay(chinaToday())}
              initial={item.current ? { status: item.current.status, text: item.current.text, dueOn: item.current.dueOn ? isoDay(item.current.dueOn) : null } : null}
            />
          </Card>
        ))}
    </div>
  );
}
