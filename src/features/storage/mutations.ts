import "server-only";
import { db } from "~/server/db";
import { secrets } from "~/server/secrets";
import { isCuid, legacyAccountId } from "~/server/legacy-account-ids";

// How rows sit in storage (CONTRIBUTING.md, "The storage model"): account ids that tell no time,
// and account-linked rows whose transaction ids and physical order tell nothing about when
// they were written relative to the acts.

/**
 * Every table whose rows hang on an account: Account and whatever has a foreign key to it, or to
 * those, found in the catalog (so tables added later are included), parents before children.
 */
export async function accountLinkedTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`
    WITH RECURSIVE linked(oid, depth) AS (
      SELECT c.oid, 0 FROM pg_class c WHERE c.relname = 'Account' AND c.relnamespace = current_schema()::regnamespace
      UNION ALL
      SELECT k.conrelid, l.depth + 1 FROM pg_constraint k JOIN linked l ON k.confrelid = l.oid
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND l.depth < 5
    )
    SELECT c.relname AS name FROM linked JOIN pg_class c ON c.oid = linked.oid GROUP BY c.relname ORDER BY max(depth), c.relname`);
  return rows.map((r) => r.name);
}

const BATCH = 5_000;

/**
 * Gives every account whose id is a cuid v1 its legacy id (src/server/legacy-account-ids.ts):
 * sessions, verifications, follows and notices follow through their ON UPDATE CASCADE foreign
 * keys, the staff references without one (answers' authors, petitions' moderators) by hand.
 * Idempotent; run after migrating (npm start, db:migrate, the e2e server).
 */
export async function rekeyLegacyAccounts(): Promise<number> {
  const legacy = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Account" WHERE "id" ~ '^c[0-9a-z]{24}$'`)).map((r) => r.id).filter(isCuid);
  for (let i = 0; i < legacy.length; i += BATCH) {
    const old = legacy.slice(i, i + BATCH);
    const next = old.map((id) => legacyAccountId(id, secrets.nullifierKey));
    await db.$transaction([
      db.$executeRawUnsafe(`UPDATE "Account" a SET "id" = k.new FROM unnest($1::text[], $2::text[]) AS k(old, new) WHERE a."id" = k.old`, old, next),
      db.$executeRawUnsafe(`UPDATE "Answer" a SET "authorId" = k.new FROM unnest($1::text[], $2::text[]) AS k(old, new) WHERE a."authorId" = k.old`, old, next),
      db.$executeRawUnsafe(`UPDATE "Petition" p SET "moderatedById" = k.new FROM unnest($1::text[], $2::text[]) AS k(old, new) WHERE p."moderatedById" = k.old`, old, next),
    ]);
  }
  return legacy.length;
}

const SHUFFLE_LOCK = 0x77760011; // pg advisory lock: one shuffle at a time across app processes

/**
 * Rows keyed by a nullifier of the account rather than a foreign key, rewritten with the
 * account-linked ones: `TokenIssue` (one per verified account and campaign) would otherwise keep
 * the order of issuance, which with NULLIFIER_KEY names each worker in turn.
 */
const ALSO_SHUFFLED = ["TokenIssue"];

/**
 * Rewrites every account-linked row in one transaction, in random order, then VACUUM FULL:
 * afterwards they all carry one transaction id, later than every act, they sit in random order,
 * and the old row versions (with their xmin and place) are gone from the table files (VACUUM
 * FULL writes a new file per table). Rows written since the last run still sit in order: that
 * window is the residual risk, which the scheduler bounds to an hour (CONTRIBUTING.md, "Order and
 * the data directory"). Writes to these tables wait for the rewrite; reads go on (MVCC) and wait
 * only for each table's VACUUM FULL (`npm run bench -- storage`). TRUNCATE would avoid the vacuum
 * but blocks reads for the whole rewrite. A table with a RESTRICT foreign key to one of these
 * fails the rewrite, which is rolled back whole.
 */
export async function shuffleAccountLinkedRows(): Promise<{ tables: string[]; rows: number } | null> {
  const tables = [...(await accountLinkedTables()), ...ALSO_SHUFFLED];
  const rows = await db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${SHUFFLE_LOCK}) AS locked`);
    if (!lock?.locked) return null;
    await tx.$executeRawUnsafe(`LOCK TABLE ${tables.map((t) => `"${t}"`).join(", ")} IN EXCLUSIVE MODE`);
    // The same rows go back: sessions have not changed, so no instance is told they did (migration session_events).
    await tx.$executeRawUnsafe(`SET LOCAL wv.shuffling = 'on'`);
    for (const t of tables) await tx.$executeRawUnsafe(`CREATE TEMP TABLE "wv_shuffle_${t}" ON COMMIT DROP AS SELECT * FROM "${t}" ORDER BY random()`);
    // Children first, so no cascade runs; then parents first back in.
    for (const t of [...tables].reverse()) await tx.$executeRawUnsafe(`DELETE FROM "${t}"`);
    let n = 0;
    for (const t of tables) n += await tx.$executeRawUnsafe(`INSERT INTO "${t}" SELECT * FROM "wv_shuffle_${t}"`);
    return n;
  }, { timeout: 300_000, maxWait: 30_000 });
  if (rows === null) return null;
  for (const t of tables) await db.$executeRawUnsafe(`VACUUM FULL "${t}"`);
  return { tables, rows };
}
