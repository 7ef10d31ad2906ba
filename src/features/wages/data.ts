import "server-only";
import { db } from "~/server/db";
import type { Wage } from "~/features/scorecard/pay";
import { isoDay } from "~/lib/days";

/** Every wage on file, history included, oldest first per city: what scoring and the admin screen read. */
export async function listWages(): Promise<(Wage & { id: string; recordedOn: string })[]> {
  const rows = await db.minimumWage.findMany({
    select: { id: true, kind: true, city: true, hourlyFen: true, effectiveFrom: true, source: true, recordedOn: true },
    orderBy: [{ kind: "asc" }, { city: "asc" }, { effectiveFrom: "asc" }],
  });
  return rows.map((r) => ({ ...r, effectiveFrom: isoDay(r.effectiveFrom), recordedOn: isoDay(r.recordedOn) }));
}
