import "server-only";
import { hotSql } from "~/server/db";
import { nullifier } from "~/server/nullifier";

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

/**
 * A worker's part of a campaign page in one prepared statement: the bell, the campaign's phase,
 * the ballot (while it can be seen), the follow, the supports (while proposing) and whether the
 * worker proposed anything (their proposals are read only then). Every vote's refetch asks for
 * it (issue 15: a ballot and the request after it). Null when there is no such campaign.
 */
export async function readCampaignPageState(accountId: string, campaignId: string) {
  const keys = { ballot: nullifier("ballot", accountId, campaignId), supporter: nullifier("support", accountId, campaignId), proposer: nullifier("proposer", accountId, campaignId) };
  const [row] = await hotSql<{
    unread: number;
    phase: string;
    verifiedOnly: boolean;
    unionId: string;
    ballot: string[] | null;
    following: boolean;
    supported: string[];
    proposed: boolean;
  }>`
    SELECT (SELECT count(*)::int FROM "Notification" WHERE "accountId" = ${accountId} AND NOT "read") AS unread,
      c.phase::text AS phase, c."verifiedOnly" AS "verifiedOnly", c."unionId" AS "unionId",
      CASE WHEN c.phase <> 'PROPOSING' AND NOT c."verifiedOnly" THEN (SELECT b."demandIds" FROM "Ballot" b WHERE b.nullifier = ${keys.ballot}) END AS ballot,
      EXISTS (SELECT 1 FROM "CampaignFollow" f WHERE f."campaignId" = c.id AND f."accountId" = ${accountId}) AS following,
      CASE WHEN c.phase = 'PROPOSING' THEN array(SELECT s."demandId" FROM "DemandSupport" s JOIN "Demand" d ON d.id = s."demandId"
        WHERE d."campaignId" = c.id AND s.supporter = ${keys.supporter}) ELSE '{}'::text[] END AS supported,
      EXISTS (SELECT 1 FROM "Demand" d WHERE d.proposer = ${keys.proposer} AND d."campaignId" = c.id) AS proposed
    FROM "Campaign" c WHERE c.id = ${campaignId}`;
  return row ?? null;
}
