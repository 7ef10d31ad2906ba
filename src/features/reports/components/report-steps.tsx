"use client";

import { useTranslations } from "next-intl";
import { inputStyles } from "~/components/ui";
import { CITIES, SECTORS } from "~/lib/taxonomy";
import { estimateHourly, ACCIDENTS, COMPENSATORS, CONTRACT_PARTIES, CONTRACTS, COSTS, COVERAGE, EQUIPMENT, FREQUENCIES, HEALTH, LEVELS, PAYERS, SCHEMES, WORK_INJURY } from "~/features/reports/schema";
import { RANGES, toNumber, type FormValues } from "~/features/reports/form";
import { CheckGroup, NumberField, RadioGroup, YesNo } from "~/features/reports/components/choice-inputs";
import { NarrativePreview } from "~/features/reports/components/narrative-preview";

export type StepProps = {
  values: FormValues;
  set: <K extends keyof FormValues>(key: K, value: FormValues[K]) => void;
  errors: ReadonlySet<string>;
  platforms: { slug: string; name: string }[];
  months: string[];
  editing: boolean;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
};

/** The seven screens of the report. Each is short; choices are big labels; the costs screen may be skipped. */
export function ReportStep({ step, ...p }: StepProps & { step: number }) {
  const t = useTranslations("reports");
  const tx = useTranslations("taxonomy");
  const { values: v, set } = p;
  const err = (f: string, msg?: string) => (p.errors.has(f) ? (msg ?? t("required")) : null);
  const range = (f: keyof typeof RANGES) => err(f, t("range", { min: RANGES[f][0], max: RANGES[f][1] }));
  const opts = <T extends string>(values: readonly T[], ns: string) => values.map((value) => ({ value, label: t(`${ns}.${value}` as never) }));
  const num = (f: keyof typeof RANGES, extra: { hint?: string; onBlur?: () => void; step?: number } = {}) => (
    <NumberField name={f} label={t(`f.${f}`)} value={v[f] ?? ""} onChange={(x) => set(f, x)} error={range(f)} {...extra} />
  );
  const freq = (f: "unreachableDeadlines" | "unexplainedPayChanges" | "unexplainedPenalties") => (
    <RadioGroup name={f} legend={t(`f.${f}`)} columns={2} options={opts(FREQUENCIES, "frequency")} value={v[f]} onChange={(x) => set(f, x)} error={err(f)} />
  );
  const yesNo = (f: "paidLeave" | "deactivated" | "appealPossible" | "safetyTraining") => (
    <YesNo name={f} legend={t(`f.${f}`)} yes={t("yes")} no={t("no")} value={v[f]} onChange={(x) => set(f, x)} error={err(f)} />
  );

  switch (step) {
    case 0:
      return (
        <>
          <div className="space-y-1" data-field="platformSlug">
            <label htmlFor="platformSlug" className="block font-semibold">
              {t("f.platformSlug")}
            </label>
            <select id="platformSlug" className={inputStyles} value={v.platformSlug ?? ""} disabled={p.editing} onChange={(e) => set("platformSlug", e.target.value)}>
              {p.platforms.map((pl) => (
                <option key={pl.slug} value={pl.slug}>
                  {pl.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1" data-field="month">
            <label htmlFor="month" className="block font-semibold">
              {t("f.month")}
            </label>
            <p id="month-hint" className="text-sm text-stone-700">
              {t("hint.month")}
            </p>
            <select id="month" aria-describedby="month-hint" className={inputStyles} value={v.month ?? ""} disabled={p.editing} onChange={(e) => set("month", e.target.value)}>
              {p.months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1" data-field="city">
            <label htmlFor="city" className="block font-semibold">
              {t("f.city")}
            </label>
            <select id="city" className={inputStyles} value={v.city ?? ""} onChange={(e) => set("city", e.target.value as never)} aria-invalid={err("city") ? true : undefined}>
              <option value="">—</option>
              {CITIES.map((c) => (
                <option key={c} value={c}>
                  {tx(`city.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <RadioGroup name="sector" legend={t("f.sector")} columns={2} options={SECTORS.map((s) => ({ value: s, label: tx(`sector.${s}`) }))} value={v.sector} onChange={(x) => set("sector", x)} error={err("sector")} />
        </>
      );
    case 1: {
      // Offered as the default: the worker corrects it when waiting time makes the week longer.
      const estimate = () => {
        if (v.activeHoursPerWeek) return;
        const hours = toNumber(v.hoursPerDay) * toNumber(v.daysPerWeek);
        if (Number.isFinite(hours) && hours > 0 && hours <= 168) set("activeHoursPerWeek", String(Math.round(hours * 2) / 2));
      };
      return (
        <>
          {num("hoursPerDay", { step: 0.5 })}
          {num("daysPerWeek", { onBlur: estimate })}
          {num("activeHoursPerWeek", { hint: t("hint.activeHoursPerWeek"), step: 0.5 })}
          {num("restDaysLastMonth")}
          {yesNo("paidLeave")}
        </>
      );
    }
    case 2: {
      const estimate = () => {
        if (v.netPerHour) return;
        const e = estimateHourly(toNumber(v.monthlyNetIncome), toNumber(v.hoursPerDay), toNumber(v.daysPerWeek));
        if (Number.isFinite(e) && e > 0) set("netPerHour", String(e));
      };
      return (
        <>
          {num("monthlyNetIncome", { onBlur: estimate })}
          {num("netPerHour", { hint: t("hint.netPerHour"), step: 0.1 })}
          {num("deductionsCount")}
          {num("deductionsYuan")}
          {yesNo("deactivated")}
          {v.deactivated ? yesNo("appealPossible") : null}
        </>
      );
    }
    case 3:
      return (
        <>
          <p className="text-stone-700">{t("hint.costs")}</p>
          {COSTS.map((f) => (
            <NumberField key={f} name={f} label={t(`f.${f}`)} value={v[f] ?? ""} onChange={(x) => set(f, x)} error={range(f)} />
          ))}
        </>
      );
    case 4: {
      const scheme = (f: "pensionScheme" | "medicalScheme", level: "pensionLevel" | "medicalLevel") => (
        <>
          <RadioGroup name={f} legend={t(`f.${f}`)} options={opts(SCHEMES, "scheme")} value={v[f]} onChange={(x) => set(f, x)} error={err(f)} />
          {v[f] && v[f] !== "NONE" && v[f] !== "UNKNOWN" ? (
            <RadioGroup name={level} legend={t(`f.${level}`)} columns={2} options={opts(LEVELS, "level")} value={v[level]} onChange={(x) => set(level, x)} error={err(level)} />
          ) : null}
        </>
      );
      return (
        <>
          <RadioGroup name="contract" legend={t("f.contract")} options={opts(CONTRACTS, "contract")} value={v.contract} onChange={(x) => set("contract", x)} error={err("contract")} />
          <RadioGroup name="contractParty" legend={t("f.contractParty")} options={opts(CONTRACT_PARTIES, "contractParty")} value={v.contractParty} onChange={(x) => set("contractParty", x)} error={err("contractParty")} />
          {scheme("pensionScheme", "pensionLevel")}
          {scheme("medicalScheme", "medicalLevel")}
          <RadioGroup name="workInjury" legend={t("f.workInjury")} options={opts(WORK_INJURY, "workInjury")} value={v.workInjury} onChange={(x) => set("workInjury", x)} error={err("workInjury")} />
          <RadioGroup name="unemployment" legend={t("f.unemployment")} columns={2} options={opts(COVERAGE, "coverage")} value={v.unemployment} onChange={(x) => set("unemployment", x)} error={err("unemployment")} />
          <RadioGroup name="maternity" legend={t("f.maternity")} columns={2} options={opts(COVERAGE, "coverage")} value={v.maternity} onChange={(x) => set("maternity", x)} error={err("maternity")} />
          <RadioGroup name="insurancePayer" legend={t("f.insurancePayer")} columns={2} options={opts(PAYERS, "payer")} value={v.insurancePayer} onChange={(x) => set("insurancePayer", x)} error={err("insurancePayer")} />
        </>
      );
    }
    case 5:
      return (
        <>
          <RadioGroup name="accident" legend={t("f.accident")} columns={2} options={opts(ACCIDENTS, "accident")} value={v.accident} onChange={(x) => set("accident", x)} error={err("accident")} />
          {v.accident && v.accident !== "NONE" ? (
            <RadioGroup name="compensatedBy" legend={t("f.compensatedBy")} options={opts(COMPENSATORS, "compensator")} value={v.compensatedBy} onChange={(x) => set("compensatedBy", x)} error={err("compensatedBy")} />
          ) : null}
          {yesNo("safetyTraining")}
          <CheckGroup name="equipmentProvided" legend={t("f.equipmentProvided")} hint={t("hint.multi")} options={opts(EQUIPMENT, "equipment")} value={v.equipmentProvided ?? []} onChange={(x) => set("equipmentProvided", x)} error={err("equipmentProvided")} />
          <CheckGroup name="equipmentBought" legend={t("f.equipmentBought")} options={opts(EQUIPMENT, "equipment")} value={v.equipmentBought ?? []} onChange={(x) => set("equipmentBought", x)} error={err("equipmentBought")} />
          <CheckGroup name="health" legend={t("f.health")} options={opts(HEALTH, "healthOpt")} value={v.health ?? []} onChange={(x) => set("health", x)} error={err("health")} />
        </>
      );
    default:
      return (
        <>
          {freq("unreachableDeadlines")}
          {freq("unexplainedPayChanges")}
          {freq("unexplainedPenalties")}
          <NarrativePreview value={v.narrative ?? ""} onChange={(x) => set("narrative", x)} error={err("narrative")} confirmed={p.confirmed} setConfirmed={p.setConfirmed} />
        </>
      );
  }
}
