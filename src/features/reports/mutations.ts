import "server-only";
import { db } from "~/server/db";
import { isUniqueViolation } from "~/server/db/errors";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { omit } from "~/lib/omit";
import { redactPii } from "~/lib/pii";
import { forgetStatistics } from "~/features/stats/cache";
import { isEditable, monthKey, monthStart, todayInChina } from "~/features/reports/months";
import type { ReportInput } from "~/features/reports/schema";

/** The per-platform, per-month nullifier: one report per person, findable only by its author. */
export function reportNullifier(accountId: string, platformId: string, month: string) {
  return nullifier("report", accountId, `${platformId}:${month}`);
}

async function platformIdOf(slug: string) {
  const platform = await db.platform.findUnique({ where: { slug }, select: { id: true } });
  if (!platform) throw new AppError("UNKNOWN_PLATFORM");
  return platform.id;
}

function checkMonth(month: string, today: Date) {
  const start = monthStart(month);
  if (start > today) throw new AppError("FUTURE_MONTH");
  if (!isEditable(start, today)) throw new AppError("EDIT_WINDOW_CLOSED");
  return start;
}

/** The stored columns: the narrative is redacted here, whatever the client already did. */
function columns(input: ReportInput) {
  const rest = omit(input, ["platformSlug", "month", "narrative"]);
  const narrative = input.narrative;
  const text = narrative?.trim() ? redactPii(narrative.trim()).text : null;
  return {
    ...rest,
    appealPossible: input.deactivated ? input.appealPossible : null,
    compensatedBy: input.accident === "NONE" ? null : input.compensatedBy,
    narrative: text,
  };
}

/**
 * Files the worker's report for a platform and month, or replaces the one they already filed:
 * a double tap or a retry after a time-out leaves one row (upsert on the nullifier, and a
 * concurrent insert that loses the race becomes an update).
 */
export async function submitReport({ accountId, input, today = todayInChina() }: { accountId: string; input: ReportInput; today?: Date }) {
  const platformId = await platformIdOf(input.platformSlug);
  const month = checkMonth(input.month, today);
  const key = reportNullifier(accountId, platformId, input.month);
  const data = columns(input);
  const narrativeStatus = data.narrative ? "PENDING" : "NONE";
  const update = { ...data, narrativeStatus, updatedOn: today } as const;
  try {
    return await db.report.upsert({
      where: { nullifier: key },
      create: { ...data, narrativeStatus, nullifier: key, platformId, month, filedOn: today, updatedOn: today },
      update,
      select: { id: true },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return await db.report.update({ where: { nullifier: key }, data: update, select: { id: true } });
  } finally {
    forgetStatistics(month);
  }
}

async function ownReport(accountId: string, id: string) {
  const row = await db.report.findUnique({ where: { id }, select: { nullifier: true, platformId: true, month: true, narrative: true, narrativeStatus: true } });
  if (!row || row.nullifier !== reportNullifier(accountId, row.platformId, monthKey(row.month))) throw new AppError("NOT_FOUND");
  return row;
}

/** Changes a report while its month's window is open; platform and month stay as filed. */
export async function updateReport({ accountId, id, input, today = todayInChina() }: { accountId: string; id: string; input: ReportInput; today?: Date }) {
  const row = await ownReport(accountId, id);
  if (monthKey(row.month) !== input.month || row.platformId !== (await platformIdOf(input.platformSlug))) throw new AppError("BAD_INPUT");
  if (!isEditable(row.month, today)) throw new AppError("EDIT_WINDOW_CLOSED");
  const data = columns(input);
  // An unchanged narrative keeps its moderation decision; a changed one is moderated again.
  const narrativeStatus = !data.narrative ? "NONE" : data.narrative === row.narrative ? row.narrativeStatus : "PENDING";
  await db.report.update({ where: { id, nullifier: row.nullifier }, data: { ...data, narrativeStatus, updatedOn: today } });
  forgetStatistics(row.month);
  return { id };
}

/** Workers can withdraw their own report at any time. */
export async function deleteReport({ accountId, id }: { accountId: string; id: string }) {
  const row = await ownReport(accountId, id);
  await db.report.deleteMany({ where: { id, nullifier: row.nullifier } });
  forgetStatistics(row.month);
  return { ok: true as const };
}

export async function moderateNarrative({ id, decision }: { id: string; decision: "APPROVED" | "REJECTED" }) {
  const { count } = await db.report.updateMany({ where: { id, narrative: { not: null } }, data: { narrativeStatus: decision } });
  if (count === 0) throw new AppError("NOT_FOUND");
  return { ok: true as const };
}
