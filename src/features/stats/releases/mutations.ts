import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db, type Tx } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { reportIncident } from "~/server/log";
import { POOL_TIMEOUTS } from "~/server/db/adapter-factory";
import { STEP, releaseCells } from "~/features/stats/releases/rule";
import { Prisma } from "~/server/db/generated/client";
import { partitionsOf, type FigureKind } from "~/features/stats/releases/kinds";

/**
 * The worker's key for one figure: a keyed hash in the figure's own context, so FigureActor
 * rows join to no signature, verdict or support without the server secret (P3), yet the same
 * worker acting twice between releases (sign, withdraw, sign) counts once.
 */
export const actorKey = (kind: FigureKind, accountId: string, subjectId: string) => nullifier(`figure:${kind}`, accountId, subjectId);

/**
 * Records an act inside the writer's transaction; returns whether a release is now due. Reads
 * at most STEP index entries, never the figure's rows.
 */
export async function recordActor(tx: Tx, kind: FigureKind, subjectId: string, accountId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ pending: number }[]>`
    WITH ins AS (
      INSERT INTO "FigureActor" (kind, "subjectId", actor) VALUES (${kind}, ${subjectId}, ${actorKey(kind, accountId, subjectId)})
      ON CONFLICT DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM (SELECT 1 FROM "FigureActor" WHERE kind = ${kind} AND "subjectId" = ${subjectId} LIMIT ${STEP}) p)
      + (SELECT count(*)::int FROM ins) AS pending`;
  return (row?.pending ?? 0) >= STEP;
}

// Each reader returns (cell, n) rows for one subject; it runs inside the release statement, in
// the same snapshot as the FigureActor rows it consumes, so a release counts exactly the acts
// of the actors it deletes.
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

const cellsRow = z.record(z.string(), z.number().int());
const releaseRow = z.object({ actors: z.number().int(), cells: cellsRow, previous: cellsRow });

/**
 * Releases a figure if it is due: at least STEP distinct workers acted since its last release.
 * One releaser at a time per figure (a transaction-scoped advisory lock; others skip, their acts
 * wait for the next release). The actors are deleted and the exact cells read in one statement,
 * so both come from one snapshot. Returns whether new values were published.
 */
export async function releaseIfDue(kind: FigureKind, subjectId: string): Promise<boolean> {
  return releaseInTransaction(kind, subjectId).catch((error: unknown) => {
    if (error === NOT_DUE) return false;
    throw error;
  });
}

const NOT_DUE = new Error("figure release not due");

// A release waits for a pool connection as long as any query does (the pool's connection
// timeout), and may run as long as a statement may: Prisma's own defaults (2 s to start, 5 s to
// finish) are shorter than the pool's, so under load a release failed (P2028) where the writes
// beside it waited and succeeded.
const RELEASE_TRANSACTION = { maxWait: POOL_TIMEOUTS.connectionTimeoutMillis, timeout: POOL_TIMEOUTS.statement_timeout } as const;

function releaseInTransaction(kind: FigureKind, subjectId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // One round trip each: the lock with the due check, then the actors, the exact cells and the
    // previous release together (a release runs every 5 signatures of a busy petition).
    const [lock] = await tx.$queryRaw<{ locked: boolean; n: number }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext('figure-release'), hashtext(${kind} || ':' || ${subjectId})) AS locked,
        (SELECT count(*)::int FROM (SELECT 1 FROM "FigureActor" WHERE kind = ${kind} AND "subjectId" = ${subjectId} LIMIT ${STEP}) p) AS n`;
    if (!lock?.locked || lock.n < STEP) return false;
    const [raw] = await tx.$queryRaw<unknown[]>`
      WITH gone AS (DELETE FROM "FigureActor" WHERE kind = ${kind} AND "subjectId" = ${subjectId} RETURNING 1),
        exact AS (${exactCellsSql(kind, subjectId)})
      SELECT (SELECT count(*)::int FROM gone) AS actors, coalesce((SELECT json_object_agg(cell, n) FROM exact), '{}'::json) AS cells,
        coalesce((SELECT r.cells FROM "FigureRelease" r WHERE r.kind = ${kind} AND r."subjectId" = ${subjectId}), '{}'::jsonb) AS previous`;
    const { actors, cells: exact, previous } = releaseRow.parse(raw);
    // The first count's snapshot may predate a release that committed just before this one took
    // the lock: the deleted actors are the real count, and fewer than STEP undoes the deletion.
    if (actors < STEP) throw NOT_DUE;
    const { cells, partitions } = partitionsOf(kind, exact);
    const released = releaseCells(cells, partitions, previous);
    // Held: the previous release stays; these actors are used up, so the next attempt waits for
    // STEP more and its timing says nothing about the act that would have completed a cell.
    if (!released) return false;
    await tx.$executeRaw`
      INSERT INTO "FigureRelease" (kind, "subjectId", cells, actors) VALUES (${kind}, ${subjectId}, ${JSON.stringify(released)}::jsonb, ${actors})
      ON CONFLICT (kind, "subjectId") DO UPDATE SET cells = EXCLUDED.cells, actors = EXCLUDED.actors, "releasedOn" = wv_today()`;
    return true;
  }, RELEASE_TRANSACTION);
}

// Releases in flight in this process, by figure. On a busy petition every signature that
// commits before the due release does sees the figure still due; each used to open its own
// release transaction (to find the advisory lock taken), so under load the releases took the
// pool from the writes and queued behind each other until they timed out. Now a write that finds
// its figure's release in flight only asks for one more run after it, and returns.
const globalForReleases = globalThis as unknown as { wvReleases?: Map<string, { again: boolean }> };
/** The least time between the start of a figure's release and its follow-up in this process. */
export const FOLLOW_UP_MS = 1_000;
const inFlight = (globalForReleases.wvReleases ??= new Map());

/**
 * Right after a write that made a release due. The writer whose write starts the release waits
 * for it (so the figure they see includes it); a failure is logged, and the timer tries again.
 */
export async function releaseAfterWrite(kind: FigureKind, subjectId: string, due: boolean) {
  if (!due) return;
  const key = `${kind}:${subjectId}`;
  const running = inFlight.get(key);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  inFlight.set(key, state);
  let started = 0;
  const attempt = async () => {
    started = Date.now();
    try {
      await releaseIfDue(kind, subjectId);
    } catch (error) {
      reportIncident(`figure release ${kind}`, error);
    }
  };
  // The writes that came meanwhile: one more release for all of them, off this request, once
  // FOLLOW_UP_MS has passed since the last one began. Released figures reach readers through the
  // page cache (5 s), so a busy petition released more often than once a second gained no reader
  // anything, and back-to-back releases cost a signature in ten a release transaction's CPU.
  const more = async () => {
    while (state.again) {
      const wait = started + FOLLOW_UP_MS - Date.now();
      if (wait > 0) await sleep(wait);
      state.again = false;
      await attempt();
    }
    inFlight.delete(key);
  };
  await attempt();
  void more();
}

/** The hourly timer: every figure that is due (and only those) is released. */
export async function releaseDueFigures(): Promise<number> {
  const due = await db.$queryRaw<{ kind: FigureKind; subjectId: string }[]>`
    SELECT kind, "subjectId" FROM "FigureActor" GROUP BY 1, 2 HAVING count(*) >= ${STEP}`;
  let released = 0;
  for (const f of due) if (await releaseIfDue(f.kind, f.subjectId)) released++;
  return released;
}
