import "server-only";
import { countUnread } from "~/features/notifications/data";
import { getMySignature } from "~/features/petitions/signatures/data";
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

export async function pageState(account: SessionAccount | null, path: string): Promise<PageState> {
  if (!account) return { account: null, unread: null, petition: null };
  const worker = account.role === "WORKER";
  const petitionId = worker ? PETITION_PATH.exec(path)?.[1] : undefined;
  const [unread, signature] = await Promise.all([worker ? countUnread(account.accountId) : null, petitionId ? getMySignature(account.accountId, petitionId) : null]);
  return {
    account: { role: account.role, pseudonym: account.pseudonym },
    unread,
    petition: petitionId ? { signedOn: signature?.signedOn.toISOString() ?? null } : null,
  };
}
