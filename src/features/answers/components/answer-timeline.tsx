import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DAY_FORMAT } from "~/lib/days";
import { StatusBadge } from "~/features/answers/components/status-badge";

type Named = { nameZh: string; nameEn: string };
type TimelineAnswer = { id: string; itemId: string; partyId: string; status: string; text: string; dueOn: Date | null; answeredOn: Date; current: boolean };

/** Every answer ever given, newest first; replaced ones are marked as earlier positions. */
export async function AnswerTimeline({ answers, parties, items }: { answers: TimelineAnswer[]; parties: { id: string; name: Named }[]; items: { id: string; rank: number; title: string }[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("answers.page"), getFormatter(), getLocale()]);
  const nameOf = (id: string) => {
    const n = parties.find((p) => p.id === id)?.name;
    return n ? (locale === "en" ? n.nameEn : n.nameZh) : "";
  };
  if (answers.length === 0) return <p>{t("timelineEmpty")}</p>;
  return (
    <ol className="space-y-3" data-testid="timeline">
      {answers.map((a) => {
        const item = items.find((i) => i.id === a.itemId);
        return (
          <li key={a.id} className={`border-l-4 pl-3 ${a.current ? "border-brand-700" : "border-stone-300 text-stone-800"}`}>
            <p className="text-sm text-stone-700">
              {format.dateTime(a.answeredOn, DAY_FORMAT)} · {nameOf(a.partyId)} · {a.current ? t("current") : t("superseded")}
            </p>
            <p className="font-semibold">{item ? `${t("item", { rank: item.rank })}: ${item.title}` : null}</p>
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge status={a.status} />
              {a.dueOn ? <span className="text-sm">{t("dueBy", { date: format.dateTime(a.dueOn, DAY_FORMAT) })}</span> : null}
            </p>
            <p className="whitespace-pre-line break-words">{a.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
