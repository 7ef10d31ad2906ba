"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { wageInForce, type Wage, type WageKind } from "~/features/scorecard/pay";
import { WAGE_CITIES } from "~/features/wages/schema";
import { AddWageForm } from "~/features/wages/components/add-wage-form";

export type WageRow = Wage & { id: string; recordedOn: string };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The admin's wage table: for each city the figure in force today and its history, and the form
 * to add one. The list is this island's own query, refetched after an addition.
 */
export function WageScreen({ initial, today }: { initial: WageRow[]; today: string }) {
  const t = useTranslations("wages");
  const tx = useTranslations("taxonomy");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.wages.list.queryOptions(undefined, { initialData: initial }));
  const wages = list.data ?? initial;
  const date = (iso: string) => format.dateTime(day(iso), { dateStyle: "medium", timeZone: "UTC" });
  const amount = (fen: number) => t("amount", { value: (fen / 100).toFixed(2) });
  const living = WAGE_CITIES.filter((c) => wages.some((w) => w.kind === "LIVING_HOURLY" && w.city === c));

  const cityRow = (kind: WageKind, city: (typeof WAGE_CITIES)[number]) => {
    const rows = wages.filter((w) => w.kind === kind && w.city === city).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    const current = wageInForce(rows, kind, city, today);
    return (
      <li key={city} className="space-y-1 py-3" data-testid={`wage-${kind === "LIVING_HOURLY" ? "living" : "minimum"}-${city}`}>
        <h3 className="font-bold">{tx(`city.${city}` as "city.beijing")}</h3>
        {current ? (
          <>
            <p className="font-semibold">{t("inForce", { amount: amount(current.hourlyFen), date: date(current.effectiveFrom) })}</p>
            <p className="text-sm break-words text-stone-700">{t("source", { source: current.source })}</p>
          </>
        ) : (
          <p className="font-semibold text-amber-900">{rows.length ? t("noneInForce") : t("none")}</p>
        )}
        {rows.length > 0 ? (
          <details>
            <summary className="min-h-11 cursor-pointer content-center font-medium">{t("history", { count: rows.length })}</summary>
            <ol className="space-y-2 pt-1">
              {rows.map((w) => (
                <li key={w.id} className="border-l-4 border-stone-300 pl-3">
                  <p>
                    {t("historyRow", { date: date(w.effectiveFrom), amount: amount(w.hourlyFen) })} {w.effectiveFrom > today ? t("upcoming") : null}
                  </p>
                  <p className="text-sm break-words text-stone-700">{t("source", { source: w.source })}</p>
                  <p className="text-sm text-stone-700">{t("recorded", { date: date(w.recordedOn) })}</p>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </li>
    );
  };

  return (
    <div className="space-y-4">
      <Card className="space-y-1" aria-labelledby="minimum-title">
        <h2 id="minimum-title" className="text-lg font-bold">
          {t("minimumTitle")}
        </h2>
        <ul className="divide-y divide-stone-200" data-testid="minimum-wages">
          {WAGE_CITIES.map((c) => cityRow("MINIMUM_PART_TIME_HOURLY", c))}
        </ul>
      </Card>
      <Card className="space-y-1" aria-labelledby="living-title">
        <h2 id="living-title" className="text-lg font-bold">
          {t("livingTitle")}
        </h2>
        {living.length ? <ul className="divide-y divide-stone-200">{living.map((c) => cityRow("LIVING_HOURLY", c))}</ul> : <p>{t("noLiving")}</p>}
      </Card>
      <Card>
        <AddWageForm onAdded={() => void list.refetch()} />
      </Card>
    </div>
  );
}
