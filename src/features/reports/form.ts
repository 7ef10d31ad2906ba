import { normaliseWidth } from "~/lib/pii/normalise";
import { COST_MAX, COSTS, reportInput, STEPS, type ReportField, type ReportInput } from "~/features/reports/schema";

// The stepper's state: what the worker typed, numbers still as text. Pure, so it can be tested
// and kept as a draft on the device.

export const NUMERIC = ["hoursPerDay", "daysPerWeek", "activeHoursPerWeek", "restDaysLastMonth", "monthlyNetIncome", "netPerHour", "deductionsCount", "deductionsYuan", ...COSTS] as const;
/** Numbers a worker may leave empty: stored as null ("no data"). */
const OPTIONAL_NUMERIC: ReadonlySet<string> = new Set(COSTS);
type NumericField = (typeof NUMERIC)[number];
export const RANGES: Record<NumericField, [number, number]> = {
  hoursPerDay: [0, 24],
  daysPerWeek: [0, 7],
  activeHoursPerWeek: [0, 168],
  restDaysLastMonth: [0, 31],
  monthlyNetIncome: [0, 200_000],
  netPerHour: [0, 2000],
  deductionsCount: [0, 1000],
  deductionsYuan: [0, 100_000],
  ...(Object.fromEntries(COSTS.map((c) => [c, [0, COST_MAX]])) as Record<(typeof COSTS)[number], [number, number]>),
};

export type FormValues = { [K in ReportField]?: K extends NumericField ? string : ReportInput[K] };

export function toNumber(text: string | undefined): number {
  const t = normaliseWidth(text ?? "").trim().replace(/,/g, "");
  return t === "" ? Number.NaN : Number(t);
}

/** Form values as the procedure's input, filling the answers that do not apply. */
export function toInput(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const f of NUMERIC) out[f] = OPTIONAL_NUMERIC.has(f) && !normaliseWidth(values[f] ?? "").trim() ? null : toNumber(values[f]);
  if (values.deactivated === false) out.appealPossible = null;
  if (values.accident === "NONE") out.compensatedBy = null;
  for (const [scheme, level] of [["pensionScheme", "pensionLevel"], ["medicalScheme", "medicalLevel"]] as const) {
    if (values[scheme] === "NONE" || values[scheme] === "UNKNOWN") out[level] = "UNKNOWN";
  }
  out.narrative = values.narrative?.trim() ? values.narrative : null;
  for (const f of ["equipmentProvided", "equipmentBought", "health"] as const) out[f] = values[f] ?? [];
  return out;
}

export function fromInput(input: ReportInput): FormValues {
  const values: FormValues = { ...input, narrative: input.narrative ?? "" } as unknown as FormValues;
  for (const f of NUMERIC) (values as Record<string, unknown>)[f] = input[f] === null ? "" : String(input[f]);
  return values;
}

/** The fields of one step that are missing or out of range. */
export function stepErrors(values: FormValues, step: number): ReportField[] {
  const fields = STEPS[step] ?? [];
  const parsed = reportInput.safeParse(toInput(values));
  if (parsed.success) return [];
  const bad = new Set(parsed.error.issues.map((i) => i.path[0] as ReportField));
  return fields.filter((f) => bad.has(f));
}

export function parseAll(values: FormValues) {
  return reportInput.safeParse(toInput(values));
}
