import { z } from "zod";
import { CITIES, SECTORS } from "~/lib/taxonomy";

// The report form and its procedures share these. The codes match the Prisma enums.

export const CONTRACTS = ["LABOUR_CONTRACT", "COOPERATION_AGREEMENT", "AGENCY", "NONE", "UNKNOWN"] as const;
export const CONTRACT_PARTIES = ["PLATFORM", "SUBCONTRACTOR", "OUTSOURCING_FIRM", "NONE", "UNKNOWN"] as const;
/** The optional costs screen: the worker's own work costs a month, in yuan (null: not answered). */
export const COSTS = ["costVehicle", "costEnergy", "costPhone", "costEquipment", "costInsurance", "costFees"] as const;
export const COST_MAX = 50_000;
export const SCHEMES = ["EMPLOYEE_FLEXIBLE", "EMPLOYEE_EMPLOYER", "RESIDENT", "NONE", "UNKNOWN"] as const;
export const LEVELS = ["LOWEST", "HIGHER", "UNKNOWN"] as const;
export const WORK_INJURY = ["SOCIAL", "COMMERCIAL_ONLY", "NONE", "UNKNOWN"] as const;
export const COVERAGE = ["YES", "NO", "UNKNOWN"] as const;
export const PAYERS = ["SELF", "PLATFORM", "SHARED", "UNKNOWN"] as const;
export const ACCIDENTS = ["NONE", "MINOR", "TREATED", "SERIOUS"] as const;
export const COMPENSATORS = ["PLATFORM", "COMMERCIAL_INSURANCE", "WORK_INJURY_INSURANCE", "SELF", "NOBODY"] as const;
export const FREQUENCIES = ["NEVER", "SOMETIMES", "OFTEN"] as const;
export const EQUIPMENT = ["helmet", "rain_gear", "knee_pads", "mask", "cooling", "warm_clothing", "phone_mount"] as const;
export const HEALTH = ["stomach", "joints", "back", "heat_cold", "anxiety_depression", "online_abuse"] as const;

export const NARRATIVE_MAX = 2000;

const int = (max: number) => z.number().int().min(0).max(max);
const unique = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).refine((a) => new Set(a).size === a.length);

export const reportFields = {
  platformSlug: z.string().min(1).max(64),
  sector: z.enum(SECTORS),
  city: z.enum(CITIES),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),

  hoursPerDay: z.number().min(0).max(24).multipleOf(0.5),
  daysPerWeek: int(7),
  restDaysLastMonth: int(31),
  paidLeave: z.boolean(),
  activeHoursPerWeek: z.number().min(0).max(168).multipleOf(0.5),

  monthlyNetIncome: int(200_000),
  netPerHour: z.number().min(0).max(2000),
  deductionsCount: int(1000),
  deductionsYuan: int(100_000),
  deactivated: z.boolean(),
  appealPossible: z.boolean().nullable(),

  costVehicle: int(COST_MAX).nullable(),
  costEnergy: int(COST_MAX).nullable(),
  costPhone: int(COST_MAX).nullable(),
  costEquipment: int(COST_MAX).nullable(),
  costInsurance: int(COST_MAX).nullable(),
  costFees: int(COST_MAX).nullable(),

  contract: z.enum(CONTRACTS),
  contractParty: z.enum(CONTRACT_PARTIES),
  pensionScheme: z.enum(SCHEMES),
  pensionLevel: z.enum(LEVELS),
  medicalScheme: z.enum(SCHEMES),
  medicalLevel: z.enum(LEVELS),
  workInjury: z.enum(WORK_INJURY),
  unemployment: z.enum(COVERAGE),
  maternity: z.enum(COVERAGE),
  insurancePayer: z.enum(PAYERS),

  accident: z.enum(ACCIDENTS),
  compensatedBy: z.enum(COMPENSATORS).nullable(),
  safetyTraining: z.boolean(),
  equipmentProvided: unique(EQUIPMENT),
  equipmentBought: unique(EQUIPMENT),
  health: unique(HEALTH),

  unreachableDeadlines: z.enum(FREQUENCIES),
  unexplainedPayChanges: z.enum(FREQUENCIES),
  unexplainedPenalties: z.enum(FREQUENCIES),

  narrative: z.string().max(NARRATIVE_MAX).nullable(),
};

export const reportInput = z.object(reportFields).strict();
export type ReportInput = z.infer<typeof reportInput>;
export type ReportField = keyof ReportInput;

export const updateReportInput = z.object({ id: z.string().min(1).max(64), report: reportInput }).strict();
export const reportIdInput = z.object({ id: z.string().min(1).max(64) }).strict();
export const moderateInput = z.object({ id: z.string().min(1).max(64), decision: z.enum(["APPROVED", "REJECTED"]) }).strict();
export const platformSlugInput = z.object({ slug: z.string().min(1).max(64) }).strict();

/** The seven screens of the stepper and the fields each one checks before moving on (the costs screen is optional). */
export const STEPS: readonly (readonly ReportField[])[] = [
  ["platformSlug", "sector", "city", "month"],
  ["hoursPerDay", "daysPerWeek", "activeHoursPerWeek", "restDaysLastMonth", "paidLeave"],
  ["monthlyNetIncome", "netPerHour", "deductionsCount", "deductionsYuan", "deactivated", "appealPossible"],
  COSTS,
  ["contract", "contractParty", "pensionScheme", "pensionLevel", "medicalScheme", "medicalLevel", "workInjury", "unemployment", "maternity", "insurancePayer"],
  ["accident", "compensatedBy", "safetyTraining", "equipmentProvided", "equipmentBought", "health"],
  ["unreachableDeadlines", "unexplainedPayChanges", "unexplainedPenalties", "narrative"],
];

/** A rough net hourly income from the monthly figure, offered as the default estimate. */
export function estimateHourly(monthlyNet: number, hoursPerDay: number, daysPerWeek: number): number {
  const hours = hoursPerDay * daysPerWeek * 4.33;
  return hours > 0 ? Math.round((monthlyNet / hours) * 10) / 10 : 0;
}
