import "server-only";
import { readWorkerPageState } from "~/features/personal/data";
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

/** The bell and the signature come from one statement (readWorkerPageState); staff have neither. */
export async function pageState(account: SessionAccount | null, path: string): Promise<PageState> {
  if (!account) return { account: null, unread: null, petition: null };
  const me = { role: account.role, pseudonym: account.pseudonym };
  if (account.role !== "WORKER") return { account: me, unread: null, petition: null };
  const petitionId = PETITION_PATH.exec(path)?.[1];
  const { unread, signedOn } = await readWorkerPageState(account.accountId, petitionId ? signatureNullifier(account.accountId, petitionId) : null);
  // As the Date of the signature's day would serialise (the islands read it as such).
  return { account: me, unread, petition: petitionId ? { signedOn: signedOn ? `${signedOn}T00:00:00.000Z` : null } : null };
}
