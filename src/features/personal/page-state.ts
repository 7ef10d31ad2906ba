import "server-only";
import { hotSql } from "~/server/db";
import { signatureNullifier } from "~/features/petitions/policy";
import type { SessionAccount } from "~/features/accounts/data";

/**
 * What a cached public page shows differently to one visitor (issue 15): who is signed in, the
 * bell, and on a petition page whether this worker signed. Cached pages render as for nobody
 * (src/scripts/lib/page-cache.mjs); this arrives after first paint through GET /api/me/page.
 */
export type PageState = {
  account: { role: SessionAccount["role"]; pseudonym: string } | null;
  unread: number | null;
  petition: { signedOn: string | null } | null;
};

const PETITION_PATH = /^\/petitions\/(?!new$)([A-Za-z0-9_-]{1,40})$/;

/**
 * Every signed-in page view and every write's refetch asks for this, so a worker's bell and
 * signature are read in one prepared statement (hotSql), not two Prisma queries; the day of a
 * signature travels as text (hotSql returns no dates) and is given as the ISO instant of that
 * day, as the Date of getMySignature would be.
 */
export async function pageState(account: SessionAccount | null, path: string): Promise<PageState> {
  if (!account) return { account: null, unread: null, petition: null };
  const me = { role: account.role, pseudonym: account.pseudonym };
  if (account.role !== "WORKER") return { account: me, unread: null, petition: null };
  const petitionId = PETITION_PATH.exec(path)?.[1];
  const [row] = await hotSql<{ unread: number; signedOn: string | null }>`
    SELECT (SELECT count(*)::int FROM "Notification" WHERE "accountId" = ${account.accountId} AND NOT "read") AS unread,
      (SELECT to_char("signedOn", 'YYYY-MM-DD') FROM "PetitionSignature" WHERE nullifier = ${petitionId ? signatureNullifier(account.accountId, petitionId) : null}::text) AS "signedOn"`;
  return {
    account: me,
    unread: row?.unread ?? 0,
    petition: petitionId ? { signedOn: row?.signedOn ? `${row.signedOn}T00:00:00.000Z` : null } : null,
  };
}
