import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { coarseProfile } from "~/features/ballots/mutations";
import { getWorkerProfile } from "~/features/accounts/data";
import { importVerifyKey } from "~/features/tokens/signer";
import { TOKEN_SUITE, type TokenProfile } from "~/features/tokens/message";
import { publicTotal } from "~/features/petitions/breakdown";

/**
 * The verified ballots of a campaign: the one function every verified count reads (results,
 * submissions, open data), from the running tally group "verified". In a verified-only campaign
 * that is every ballot, each cast with a token (= tokens spent); elsewhere the first ballots of
 * voters the campaign's union had verified (a counter: no ballot carries a flag).
 */
export async function verifiedBallotCount(campaignId: string): Promise<number> {
  const row = await db.tallyGroup.findUnique({ where: { campaignId_dim_value: { campaignId, dim: "verified", value: "" } }, select: { ballots: true } });
  return row?.ballots ?? 0;
}

/** What a verified-only campaign publishes: its public key and tokens issued and spent. */
export async function getTokenCounts(campaignId: string): Promise<{ publicKey: string; issued: number; spent: number } | null> {
  const [key, spent] = await Promise.all([
    db.campaignTokenKey.findUnique({ where: { campaignId }, select: { publicKey: true, issued: true } }),
    verifiedBallotCount(campaignId),
  ]);
  return key ? { publicKey: key.publicKey, issued: key.issued, spent } : null;
}

/**
 * The same as published (campaign page, open data): counts of fewer than 5 as null (P4), like
 * every other count of workers.
 */
export async function getPublishedTokenCounts(campaignId: string) {
  const counts = await getTokenCounts(campaignId);
  return counts && { suite: TOKEN_SUITE, publicKey: counts.publicKey, issued: publicTotal(counts.issued), spent: publicTotal(counts.spent) };
}

/** The coarse profile a token of this account counts under (as ballots compute it). */
export async function tokenProfileOf(accountId: string): Promise<TokenProfile | null> {
  return coarseProfile(await getWorkerProfile(accountId));
}

/** The page's view for one worker: whether this account was already issued its one token. */
export async function getTokenStatus(accountId: string, campaignId: string) {
  const [issued, profile] = await Promise.all([
    db.tokenIssue.findUnique({ where: { key: nullifier("token-issue", accountId, campaignId) }, select: { key: true } }),
    tokenProfileOf(accountId),
  ]);
  return { issued: issued !== null, profile };
}

// Keys never change once made, so a campaign's imported public key is kept for the process's
// life (a Map per process; a deleted campaign's entry is merely unused).
const verifyKeys = new Map<string, Promise<CryptoKey | null>>();

export function campaignVerifyKey(campaignId: string): Promise<CryptoKey | null> {
  let found = verifyKeys.get(campaignId);
  if (!found) {
    found = db.campaignTokenKey
      .findUnique({ where: { campaignId }, select: { publicKey: true } })
      .then((row) => (row ? importVerifyKey(Buffer.from(row.publicKey, "base64url")) : null));
    // A campaign without a key yet is asked again next time rather than remembered as keyless.
    found.then((k) => k ?? verifyKeys.delete(campaignId), () => verifyKeys.delete(campaignId));
    verifyKeys.set(campaignId, found);
  }
  return found;
}
