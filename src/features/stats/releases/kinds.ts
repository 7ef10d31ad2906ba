import { Prisma } from "~/server/db/generated/client";
import type { Partition, Cells } from "~/features/stats/releases/rule";

// The stepped figures and where their exact cells come from. Each reader returns (cell, n)
// rows for one subject; it runs inside the release statement, in the same snapshot as the
// FigureActor rows it consumes, so a release counts exactly the acts of the actors it deletes.

export const FIGURE_KINDS = ["petition", "verdict", "support"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export function exactCellsSql(kind: FigureKind, subjectId: string): Prisma.Sql {
  switch (kind) {
    // Signers per city, platform and sector, the verified ones, and the total (for the partitions).
    case "petition":
      return Prisma.sql`SELECT CASE WHEN dimension IN ('total', 'verified') THEN dimension ELSE dimension || ':' || value END AS cell, sum(count)::int AS n
        FROM "PetitionTally" WHERE "petitionId" = ${subjectId} GROUP BY 1`;
    // One commitment's verdicts per value.
    case "verdict":
      return Prisma.sql`SELECT value::text AS cell, count(*)::int AS n FROM "ItemVerdict" WHERE "answerId" = ${subjectId} GROUP BY 1`;
    // A campaign's supports per demand.
    case "support":
      return Prisma.sql`SELECT s."demandId" AS cell, count(*)::int AS n FROM "DemandSupport" s JOIN "Demand" d ON d.id = s."demandId"
        WHERE d."campaignId" = ${subjectId} GROUP BY 1`;
  }
}

/**
 * Cells shown beside an exact live figure, and that figure: only a petition has one (its total
 * stays live and exact by design). Every signer is in exactly one cell of each dimension ("" for
 * not stated), and either verified or not.
 */
export function partitionsOf(kind: FigureKind, exact: Cells): { cells: Cells; partitions: Partition[] } {
  if (kind !== "petition") return { cells: exact, partitions: [] };
  const total = exact.total ?? 0;
  const { total: _total, ...rest } = exact;
  const cells: Cells = { ...rest, unverified: total - (exact.verified ?? 0) };
  const dimension = (prefix: string) => Object.keys(cells).filter((c) => c.startsWith(prefix));
  return {
    cells,
    partitions: [
      { total, cells: dimension("city:") },
      { total, cells: dimension("platform:") },
      { total, cells: dimension("sector:") },
      { total, cells: ["verified", "unverified"] },
    ],
  };
}
