"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { inputStyles } from "~/components/ui";
import { normaliseWidth } from "~/lib/pii/normalise";
import { BASE_PERCENT, PERIODS, pensionContribution } from "~/features/rights/pension";

export function PensionCalculator() {
  const t = useTranslations("rights.calc");
  const id = useId();
  const [wage, setWage] = useState("8000");
  const [percent, setPercent] = useState(60);
  const value = Number(normaliseWidth(wage).replace(/,/g, "").trim());
  const valid = wage.trim() !== "" && Number.isFinite(value) && value > 0 && value < 1_000_000;
  const result = valid ? pensionContribution(value, percent) : null;
  const money = (v: number) => t("yuan", { value: v.toLocaleString(undefined, { maximumFractionDigits: 2 }) });
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${id}-wage`} className="block font-semibold">
          {t("avgWage")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          {t("avgWageHint")}
        </p>
        <input
          id={`${id}-wage`}
          inputMode="numeric"
          className={inputStyles}
          value={wage}
          aria-describedby={`${id}-hint${valid ? "" : ` ${id}-error`}`}
          aria-invalid={valid ? undefined : true}
          onChange={(e) => setWage(e.target.value)}
        />
        {!valid ? (
          <p id={`${id}-error`} className="text-sm font-medium text-red-800">
            {t("invalidWage")}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-percent`} className="block font-semibold">
          {t("basePercent", { percent })}
        </label>
        <input
          id={`${id}-percent`}
          type="range"
          min={BASE_PERCENT.min}
          max={BASE_PERCENT.max}
          step={10}
          value={percent}
          className="h-11 w-full accent-brand-700"
          onChange={(e) => setPercent(Number(e.target.value))}
        />
      </div>
      {result ? (
        <div aria-live="polite" className="space-y-2">
          <p>
            {t("base")}: <strong data-testid="calc-base">{money(result.base)}</strong>
          </p>
          <table className="w-full text-sm">
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="p-2">{t("period")}</th>
                <th scope="col" className="p-2">{t("total")}</th>
                <th scope="col" className="p-2">{t("pooled")}</th>
                <th scope="col" className="p-2">{t("personal")}</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(PERIODS) as (keyof typeof PERIODS)[]).map((p) => (
                <tr key={p} className="border-t border-stone-200">
                  <th scope="row" className="p-2 text-left font-medium">
                    {t(p)}
                  </th>
                  <td className="p-2 font-bold" data-testid={`calc-${p}`}>
                    {money(result.periods[p].total)}
                  </td>
                  <td className="p-2">{money(result.periods[p].pooled)}</td>
                  <td className="p-2">{money(result.periods[p].personal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="text-sm text-stone-700">{t("source")}</p>
    </div>
  );
}
