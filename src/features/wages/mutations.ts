import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { chinaToday, parseDay } from "~/lib/days";
import type { AddWageInput } from "~/features/wages/schema";

/**
 * Records a wage from its effective date. Rows are never changed or removed, so the history
 * stays: a past quarter keeps the wage then in force. One row per kind, city and date.
 */
export async function addWage(input: AddWageInput, today = chinaToday()) {
  const effectiveFrom = parseDay(input.effectiveFrom);
  if (!effectiveFrom) throw new AppError("BAD_INPUT");
  const hourlyFen = Math.round(input.hourlyYuan * 100);
  const created = await db.minimumWage.createMany({
    data: [{ kind: input.kind, city: input.city, hourlyFen, effectiveFrom, source: input.source, recordedOn: today }],
    skipDuplicates: true,
  });
  if (created.count === 0) throw new AppError("ALREADY_EXISTS");
  return { ok: true as const };
}
