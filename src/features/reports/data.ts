import "server-only";
import { narrativesModeratedBy } from "~/features/moderation/policy";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { omit } from "~/lib/omit";
import { isEditable, monthKey, recentMonths, editDeadline } from "~/features/reports/months";
import { reportNullifier } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { chinaToday } from "~/lib/days";

const FORM_FIELDS = {
  id: true, platformId: true, month: true, sector: true, city: true, hoursPerDay: true, daysPerWeek: true,
  activeHoursPerWeek: true, costVehicle: true, costEnergy: true, costPhone: true, costEquipment: true,
  costInsurance: true, costFees: true, contractParty: true,
  restDaysLastMonth: true, paidLeave: true, monthlyNetIncome: true, netPerHour: true, deductionsCount: true,
  deductionsYuan: true, deactivated: true, appealPossible: true, contract: true, pensionScheme: true,
  pensionLevel: true, medicalScheme: true, medicalLevel: true, workInjury: true, unemployment: true,
  maternity: true, insurancePayer: true, accident: true, compensatedBy: true, safetyTraining: true,
  equipmentProvided: true, equipmentBought: true, health: true, unreachableDeadlines: true,
  unexplainedPayChanges: true, unexplainedPenalties: true, narrative: true, narrativeStatus: true,
  filedOn: true, updatedOn: true,
} as const;

/**
 * The worker's own reports. Nothing links a report to an account, so we recompute the worker's
 * nullifiers for every platform and recent month and look those up.
 */
async function ownRows(accountId: string, today: Date) {
  const platforms = await db.platform.findMany({ select: { id: true, slug: true, nameZh: true, nameEn: true } });
  const months = recentMonths(today);
  const keys = platforms.flatMap((p) => months.map((m) => reportNullifier(accountId, p.id, m)));
  const rows = await db.report.findMany({ where: { nullifier: { in: keys } }, select: FORM_FIELDS, orderBy: { month: "desc" } });
  const byId = new Map(platforms.map((p) => [p.id, p]));
  return rows.map((r) => ({ ...r, platform: byId.get(r.platformId)! }));
}

export async function listMyReports(accountId: string, today = chinaToday()) {
  const rows = await ownRows(accountId, today);
  return rows.map((r) => ({
    id: r.id,
    platform: { slug: r.platform.slug, nameZh: r.platform.nameZh, nameEn: r.platform.nameEn },
    month: monthKey(r.month),
    filedOn: r.filedOn.toISOString().slice(0, 10),
    updatedOn: r.updatedOn.toISOString().slice(0, 10),
    editable: isEditable(r.month, today),
    editUntil: editDeadline(r.month).toISOString().slice(0, 10),
    narrativeStatus: r.narrativeStatus,
  }));
}

/** One of the worker's reports in the form's shape, for editing. */
export async function getMyReport(accountId: string, id: string, today = chinaToday()) {
  const row = (await ownRows(accountId, today)).find((r) => r.id === id);
  if (!row) throw new AppError("NOT_FOUND");
  const fields = omit(row, ["id", "platformId", "platform", "month", "narrativeStatus", "filedOn", "updatedOn"]);
  // Reports filed before a question existed carry null there: the form asks it again.
  const input: ReportInput = { ...fields, platformSlug: row.platform.slug, month: monthKey(row.month) } as ReportInput;
  return { id, input, editable: isEditable(row.month, today), narrativeStatus: row.narrativeStatus };
}

/** Narratives waiting for an organiser: text, platform and month only, nothing else. */
export async function listPendingNarratives(unionId: string, limit = 50) {
  const rows = await db.report.findMany({
    // Only platforms an admin assigned to this union (P7); unassigned ones wait in no queue.
    where: { narrativeStatus: "PENDING", ...narrativesModeratedBy(unionId) },
    select: { id: true, narrative: true, month: true, platform: { select: { nameZh: true, nameEn: true } } },
    orderBy: { month: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, narrative: r.narrative ?? "", month: monthKey(r.month), platform: r.platform }));
}

export async function listPlatformOptions() {
  return db.platform.findMany({ select: { slug: true, nameZh: true, nameEn: true, sector: true }, orderBy: { slug: "asc" } });
}
