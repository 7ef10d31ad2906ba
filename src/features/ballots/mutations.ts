import "server-only";
import { db, type Tx } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { isVerified } from "~/features/verification/data";
import { ballotChange, MAX_RANKS, type BallotProfile } from "~/features/ballots/tally";

/** The voter's coarse profile at voting time: one city, one platform, one sector, or a bucket. */
export function coarseProfile(p: { city: string | null; platformSlugs: string[]; sectors: string[] }): BallotProfile {
  const one = (list: string[]) => (list.length === 1 ? list[0]! : list.length === 0 ? "unknown" : "several");
  return { city: p.city ?? "unknown", platform: one(p.platformSlugs), sector: one(p.sectors) };
}

function checkRanking(demandIds: string[]) {
  if (demandIds.length === 0) throw new AppError("BAD_INPUT");
  if (demandIds.length > MAX_RANKS) throw new AppError("BALLOT_TOO_LONG");
  if (new Set(demandIds).size !== demandIds.length) throw new AppError("BALLOT_REPEATED");
}

/**
 * One statement for the whole tally change (cells and group counts), run last before COMMIT, so
 * the hot rows every ballot touches stay locked for as short a time as possible.
 */
async function applyTally(tx: Tx, campaignId: string, change: ReturnType<typeof ballotChange>) {
  const { cells, groups } = change;
  if (!cells.length && !groups.length) return;
  await tx.$executeRaw`
    WITH cells AS (
      INSERT INTO "TallyCell" ("campaignId", "dim", "value", "demandId", "points", "firsts", "includes")
      SELECT ${campaignId}, d.dim, d.value, d.demand, d.points, d.firsts, d.includes
      FROM unnest(${cells.map((c) => c.dim)}::text[], ${cells.map((c) => c.value)}::text[], ${cells.map((c) => c.demandId)}::text[],
                  ${cells.map((c) => c.points)}::int[], ${cells.map((c) => c.firsts)}::int[], ${cells.map((c) => c.includes)}::int[])
           WITH ORDINALITY AS d(dim, value, demand, points, firsts, includes, ord)
      ORDER BY d.ord
      ON CONFLICT ("campaignId", "dim", "value", "demandId") DO UPDATE SET
        "points" = "TallyCell"."points" + EXCLUDED."points",
        "firsts" = "TallyCell"."firsts" + EXCLUDED."firsts",
        "includes" = "TallyCell"."includes" + EXCLUDED."includes"
    )
    INSERT INTO "TallyGroup" ("campaignId", "dim", "value", "ballots")
    SELECT ${campaignId}, g.dim, g.value, g.ballots
    FROM unnest(${groups.map((g) => g.dim)}::text[], ${groups.map((g) => g.value)}::text[], ${groups.map((g) => g.ballots)}::int[])
         WITH ORDINALITY AS g(dim, value, ballots, ord)
    ORDER BY g.ord
    ON CONFLICT ("campaignId", "dim", "value") DO UPDATE SET "ballots" = "TallyGroup"."ballots" + EXCLUDED."ballots"`;
}

/** Ballots hold this lock shared, closing a campaign holds it exclusively: none slips in after the close. */
export function campaignLockKey(campaignId: string) {
  return `campaign-phase:${campaignId}`;
}

type OldBallot = { demandIds: string[]; city: string; platform: string; sector: string };

/**
 * Casts or changes the account's one ballot in a campaign (PRIVACY.md P3, P6). The ballot row
 * and the running tally change in one transaction: a changed ballot is locked (FOR UPDATE) and
 * replaced in one statement that returns its old contents, so the old contribution is
 * subtracted exactly once; a first ballot is inserted with ON CONFLICT DO NOTHING, which makes a
 * concurrent duplicate wait for the first and then take the change path.
 */
export async function castBallot(accountId: string, campaignId: string, demandIds: string[]) {
  checkRanking(demandIds);
  const [campaign, account] = await Promise.all([
    db.campaign.findUnique({ where: { id: campaignId }, select: { phase: true, verifiedOnly: true, unionId: true } }),
    db.account.findUniqueOrThrow({ where: { id: accountId }, select: { city: true, platformSlugs: true, sectors: true } }),
  ]);
  if (!campaign) throw new AppError("NOT_FOUND");
  if (campaign.phase !== "VOTING") throw new AppError(campaign.phase === "CLOSED" ? "CAMPAIGN_CLOSED" : "PHASE_CLOSED");
  if (campaign.verifiedOnly && !(await isVerified(accountId, campaign.unionId))) throw new AppError("NOT_VERIFIED");
  const approved = await db.demand.count({ where: { id: { in: demandIds }, campaignId, status: "APPROVED" } });
  if (approved !== demandIds.length) throw new AppError("BALLOT_UNKNOWN_DEMAND");

  const key = nullifier("ballot", accountId, campaignId);
  const profile = coarseProfile(account);
  await db.$transaction(async (tx) => {
    // A shared advisory lock rather than FOR SHARE on the campaign row: FOR SHARE writes the
    // row's lock field on every ballot, which serialises a busy campaign.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${campaignLockKey(campaignId)}))`;
    const [open] = await tx.$queryRaw<{ phase: string }[]>`SELECT "phase"::text FROM "Campaign" WHERE "id" = ${campaignId}`;
    if (open?.phase !== "VOTING") throw new AppError("CAMPAIGN_CLOSED");
    let before: OldBallot | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      // A change: lock the existing ballot, replace it, and get its old contents in one statement.
      const [old] = await tx.$queryRaw<OldBallot[]>`
        UPDATE "Ballot" b SET "demandIds" = ${demandIds}::text[], "city" = ${profile.city}, "platform" = ${profile.platform},
          "sector" = ${profile.sector}, "castOn" = CURRENT_DATE
        FROM (SELECT "id", "demandIds", "city", "platform", "sector" FROM "Ballot" WHERE "nullifier" = ${key} FOR UPDATE) old
        WHERE b."id" = old."id"
        RETURNING old."demandIds", old."city", old."platform", old."sector"`;
      if (old) {
        before = old;
        break;
      }
      // A first ballot; a concurrent duplicate makes this wait, insert nothing, and loop to the change.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Ballot" ("id", "campaignId", "nullifier", "demandIds", "city", "platform", "sector")
        VALUES (gen_random_uuid()::text, ${campaignId}, ${key}, ${demandIds}::text[], ${profile.city}, ${profile.platform}, ${profile.sector})
        ON CONFLICT ("nullifier") DO NOTHING RETURNING "id"`;
      if (inserted.length) break;
      if (attempt === 2) throw new AppError("CONFLICT");
    }
    const previous = before ? { demandIds: before.demandIds, profile: { city: before.city, platform: before.platform, sector: before.sector } } : null;
    await applyTally(tx, campaignId, ballotChange(previous, { demandIds, profile }));
  });
  return { demandIds };
}
