import "server-only";
import { z } from "zod";
import { db } from "~/server/db";
import type { Cells } from "~/features/stats/releases/rule";
import type { FigureKind } from "~/features/stats/releases/kinds";

const cellsSchema = z.record(z.string(), z.number().int());

/**
 * The last released cells of these figures (absent: nothing released yet, every cell "fewer
 * than 5"). The only way a reader gets a stepped figure: every instance and cache serves this
 * stored snapshot, never a live count.
 */
export async function readReleases(kind: FigureKind, subjectIds: readonly string[]): Promise<Map<string, Cells>> {
  const out = new Map<string, Cells>();
  if (subjectIds.length === 0) return out;
  const rows = await db.figureRelease.findMany({ where: { kind, subjectId: { in: [...new Set(subjectIds)] } }, select: { subjectId: true, cells: true } });
  for (const r of rows) out.set(r.subjectId, cellsSchema.parse(r.cells));
  return out;
}
