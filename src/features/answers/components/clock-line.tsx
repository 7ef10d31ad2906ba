import { useFormatter, useTranslations } from "next-intl";
import { DAY_FORMAT, chinaToday } from "~/lib/days";
import { responseClock } from "~/features/answers/policy";

/** One party's response clock in words: days left, overdue (marked), or complete (server or client). */
export function ClockLine({ respondBy, completedOn, answered, items }: { respondBy: Date; completedOn: Date | null; answered: number; items: number }) {
  const [t, format] = [useTranslations("answers.clock"), useFormatter()];
  const clock = responseClock(respondBy, completedOn, chinaToday());
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="clock">
      {clock.state === "OVERDUE" ? (
        <>
          <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{t("overdueBadge")}</span>
          <span className="font-semibold text-red-800">{t("overdue", { days: clock.daysOver })}</span>
        </>
      ) : clock.state === "OPEN" ? (
        <span className="font-semibold">{t("daysLeft", { days: clock.daysLeft })}</span>
      ) : (
        <span className="font-semibold text-green-900">{t(clock.onTime ? "complete" : "completeLate", { date: format.dateTime(completedOn!, DAY_FORMAT) })}</span>
      )}
      <span className="text-stone-700">· {t("answered", { answered, items })}</span>
    </p>
  );
}
