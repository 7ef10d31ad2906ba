import "server-only";
import { petitionsModeratedBy, type ModerationScope } from "~/features/moderation/policy";
import { db, hotSql } from "~/server/db";
import { suppress, publicTotal, type Group } from "~/features/petitions/breakdown";
import { signatureNullifier } from "~/features/petitions/policy";
import { credibility, type Credibility } from "~/features/verification/credibility";
import { cellOf, type Cells } from "~/features/stats/releases/rule";

/** Quotes need a group of at least 10 signers (PRIVACY.md P4). */
export const QUOTE_K = 10;

export type PetitionCounts = {
  /** Exact count, for the petition's own logic (thresholds); never shown below 5. */
  exact: number;
  /** What may be shown: null means "fewer than 5". */
  shown: number | null;
  /** How much of the count is from verified workers, as released (in steps of 5). */
  credibility: Credibility;
  verifiedOnly: boolean;
  city: Group[];
  platform: Group[];
  sector: Group[];
};

/**
 * The live exact total (counter rows summed in SQL: the page never counts the signatures) beside
 * the breakdown and the verified part as last released (src/features/stats/releases): those
 * move only in steps of 5, after 5 or more distinct signers acted. One statement.
 */
export async function getPetitionCounts(petitionId: string): Promise<PetitionCounts> {
  const rows = await hotSql<{ dimension: string; value: string; n: number }>`
    SELECT 'total' AS dimension, '' AS value, coalesce(sum(count), 0)::int AS n FROM "PetitionTally"
    WHERE "petitionId" = ${petitionId} AND dimension = 'total' AND value = ''
    UNION ALL SELECT 'released', c.key, c.value::int FROM "FigureRelease" r CROSS JOIN LATERAL jsonb_each_text(r.cells) c
    WHERE r.kind = 'petition' AND r."subjectId" = ${petitionId}
    UNION ALL SELECT 'verifiedOnly', '', 1 FROM "Petition" WHERE id = ${petitionId} AND "verifiedOnly"`;
  const exact = rows.find((r) => r.dimension === "total")?.n ?? 0;
  const released = Object.fromEntries(rows.filter((r) => r.dimension === "released").map((r) => [r.value, r.n]));
  const verifiedOnly = rows.some((r) => r.dimension === "verifiedOnly");
  return { exact, shown: publicTotal(exact), verifiedOnly, ...breakdownOf(exact, released, verifiedOnly) };
}

/** What a release shows beside the live total: its cells by dimension and its verified part. */
export function breakdownOf(exact: number, released: Cells, verifiedOnly: boolean) {
  const groups = (dimension: string) =>
    exact < 5
      ? []
      : suppress(
          Object.entries(released)
            .filter(([cell]) => cell.startsWith(`${dimension}:`))
            .map(([cell, count]) => ({ value: cell.slice(dimension.length + 1), count })),
        );
  return {
    credibility: credibility(exact, verifiedOnly ? exact : cellOf(released, "verified"), verifiedOnly),
    city: groups("city"),
    platform: groups("platform"),
    sector: groups("sector"),
  };
}

export async function getMySignature(accountId: string, petitionId: string) {
  return db.petitionSignature.findUnique({
    where: { nullifier: signatureNullifier(accountId, petitionId) },
    select: { signedOn: true, comment: true, commentStatus: true },
  });
}

/** Approved comments, in random order with the month only, once the petition has 10 signers. */
export async function getPublicComments(petitionId: string, totalSigners: number, limit = 20) {
  if (totalSigners < QUOTE_K) return [];
  const rows = await hotSql<{ comment: string; month: string }>`
    SELECT comment, to_char("signedOn", 'YYYY-MM-01') AS month FROM "PetitionSignature"
    WHERE "petitionId" = ${petitionId} AND "commentStatus" = 'APPROVED' AND comment IS NOT NULL
    ORDER BY random() LIMIT ${limit}`;
  return rows.map((r) => ({ comment: r.comment, month: new Date(`${r.month}T00:00:00Z`) }));
}

/** Comments waiting for an organiser, oldest first; no signer details at all. */
export async function listPendingComments(scope: ModerationScope, limit = 50) {
  return db.petitionSignature.findMany({
    where: { commentStatus: "PENDING", petition: { status: "PUBLISHED", ...petitionsModeratedBy(scope) } },
    orderBy: { signedOn: "asc" },
    take: limit,
    select: { id: true, comment: true, petition: { select: { id: true, title: true } } },
  });
}
