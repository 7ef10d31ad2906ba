import "server-only";
import { createHash } from "node:crypto";
import { hotQuery } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { checkRanking } from "~/features/ballots/mutations";
import { ballotSql, TALLY } from "~/features/ballots/tally-sql";
import { campaignVerifyKey } from "~/features/tokens/data";
import { parsePreparedToken, type TokenProfile } from "~/features/tokens/message";
import { verifyToken } from "~/features/tokens/signer";
import { K } from "~/features/ballots/suppression";

type Outcome = { found: boolean; phase: string | null; verifiedOnly: boolean; approved: number; spent: boolean; written: number };

/**
 * The token ballot in one prepared statement, like castBallot's (src/features/ballots/mutations.ts,
 * whose comments explain the locking, the old-contribution subtraction and the key order; the
 * tally part is the same text, tally-sql.ts) with these differences: the ballot is keyed by the token, not the account; an existing one changes
 * only with the phone's secret (`changeHash`); the profile is the token's when at least K token
 * holders of the campaign share it, else "unknown" in every dimension; and a first ballot counts
 * once in the tally group "verified" (the tokens spent).
 */
function writeTokenBallot(campaignId: string, key: string, changeHash: string, profile: TokenProfile, demandIds: string[]) {
  const { text, values } = ballotSql(campaignId)`
    WITH c AS MATERIALIZED (
      SELECT "phase"::text AS phase, "verifiedOnly" FROM "Campaign" WHERE "id" = ${campaignId} FOR SHARE
    ), approved AS MATERIALIZED (
      SELECT count(*)::int AS n FROM "Demand" WHERE "id" = ANY(${demandIds}::text[]) AND "campaignId" = ${campaignId} AND "status" = 'APPROVED'
    ), shown AS MATERIALIZED (
      SELECT EXISTS (SELECT 1 FROM "TokenProfile" WHERE "campaignId" = ${campaignId} AND "city" = ${profile.city}::text
        AND "platform" = ${profile.platform}::text AND "sector" = ${profile.sector}::text AND "holders" >= ${K}) AS yes
    ), ok AS MATERIALIZED (
      SELECT CASE WHEN shown.yes THEN ${profile.city}::text ELSE 'unknown' END AS city,
        CASE WHEN shown.yes THEN ${profile.platform}::text ELSE 'unknown' END AS platform,
        CASE WHEN shown.yes THEN ${profile.sector}::text ELSE 'unknown' END AS sector
      FROM c, approved, shown WHERE c.phase = 'VOTING' AND c."verifiedOnly" AND approved.n = ${demandIds.length}
    ), old AS MATERIALIZED (
      SELECT b."demandIds", b."city", b."platform", b."sector", b."changeHash" FROM "Ballot" b, ok WHERE b."nullifier" = ${key} FOR UPDATE OF b
    ), ins AS (
      INSERT INTO "Ballot" ("id", "campaignId", "nullifier", "demandIds", "city", "platform", "sector", "changeHash")
      SELECT gen_random_uuid()::text, ${campaignId}, ${key}, ${demandIds}::text[], ok.city, ok.platform, ok.sector, ${changeHash}::text
      FROM ok WHERE NOT EXISTS (SELECT 1 FROM old)
      ON CONFLICT ("nullifier") DO NOTHING RETURNING 1
    ), upd AS (
      UPDATE "Ballot" b SET "demandIds" = ${demandIds}::text[], "city" = ok.city, "platform" = ok.platform, "sector" = ok.sector, "castOn" = wv_today()
      FROM ok, old WHERE b."nullifier" = ${key} AND old."changeHash" = ${changeHash}::text RETURNING 1
    ), changes AS MATERIALIZED (
      SELECT 1 AS sign, EXISTS (SELECT 1 FROM ins) AS fresh, ok.city, ok.platform, ok.sector, ${demandIds}::text[] AS ranking FROM ok
      WHERE EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM upd)
      UNION ALL
      SELECT -1, false, old."city", old."platform", old."sector", old."demandIds" FROM old WHERE EXISTS (SELECT 1 FROM upd)
    ), ${TALLY}
    SELECT EXISTS (SELECT 1 FROM c) AS found, (SELECT phase FROM c) AS phase, coalesce((SELECT "verifiedOnly" FROM c), false) AS "verifiedOnly",
      (SELECT n FROM approved) AS approved,
      coalesce((SELECT "changeHash" IS DISTINCT FROM ${changeHash}::text FROM old), false) AS spent,
      ((SELECT count(*) FROM ins) + (SELECT count(*) FROM upd))::int AS written,
      (SELECT count(*) FROM groups)::int AS tallied`;
  return hotQuery<Outcome>(text, values);
}

/**
 * fromBase64Url's answer (message.ts), through Node's decoder: the client-safe one loops over
 * the string in JavaScript, ~140 µs for a token and its signature against ~5 µs here, on the
 * path every verified ballot takes.
 */
function decode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  return new Uint8Array(Buffer.from(text, "base64url"));
}

/** What the token ballot's key and secret hash are: neither names an account, nor the token in clear. */
export const tokenBallotKey = (prepared: string, campaignId: string) => nullifier("token", prepared, campaignId);
export const changeHashOf = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/**
 * Casts or changes a ballot with an unblinded token, without a session (PRIVACY.md P6): the
 * token is checked against the campaign's own key before anything is written, one ballot per
 * token, changed later only with the secret the phone chose when it first voted.
 */
export async function castTokenBallot(input: { campaignId: string; token: string; signature: string; secret: string; demandIds: string[] }) {
  checkRanking(input.demandIds);
  const prepared = decode(input.token);
  const signature = decode(input.signature);
  const message = prepared && parsePreparedToken(prepared);
  if (!message || !signature) throw new AppError("TOKEN_INVALID");
  if (message.campaignId !== input.campaignId) throw new AppError("TOKEN_WRONG_CAMPAIGN");
  const key = await campaignVerifyKey(input.campaignId);
  if (!key || !(await verifyToken(key, signature, prepared))) throw new AppError("TOKEN_INVALID");

  const ballotKey = tokenBallotKey(input.token, input.campaignId);
  const changeHash = changeHashOf(input.secret);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [o] = await writeTokenBallot(input.campaignId, ballotKey, changeHash, message.profile, input.demandIds);
    if (!o?.found) throw new AppError("NOT_FOUND");
    if (!o.verifiedOnly) throw new AppError("TOKEN_NOT_NEEDED");
    if (o.phase !== "VOTING") throw new AppError(o.phase === "CLOSED" ? "CAMPAIGN_CLOSED" : "PHASE_CLOSED");
    if (o.approved !== input.demandIds.length) throw new AppError("BALLOT_UNKNOWN_DEMAND");
    if (o.spent) throw new AppError("TOKEN_SPENT");
    if (o.written > 0) return { demandIds: input.demandIds };
  }
  throw new AppError("CONFLICT");
}
