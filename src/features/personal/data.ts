import "server-only";
import { hotSql } from "~/server/db";

/**
 * A worker's unread notices and the day (YYYY-MM-DD) of the signature under `signatureNullifier`
 * (null: none, or no petition), in one prepared statement (hotSql): every signed-in page view
 * and every write's refetch asks for them (src/features/personal/page-state.ts). The day
 * travels as text, since hotSql returns no dates.
 */
export async function readWorkerPageState(accountId: string, signatureNullifier: string | null) {
  const [row] = await hotSql<{ unread: number; signedOn: string | null }>`
    SELECT (SELECT count(*)::int FROM "Notification" WHERE "accountId" = ${accountId} AND NOT "read") AS unread,
      (SELECT to_char("signedOn", 'YYYY-MM-DD') FROM "PetitionSignature" WHERE nullifier = ${signatureNullifier}::text) AS "signedOn"`;
  return { unread: row?.unread ?? 0, signedOn: row?.signedOn ?? null };
}
