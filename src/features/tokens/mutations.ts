import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { isUniqueViolation } from "~/server/db/errors";
import { AppError } from "~/lib/app-error";
import { openSigningKey, sealSigningKey } from "~/features/tokens/key-seal";
import { newKeyPair, signBlinded } from "~/features/tokens/signer";
import { tokenProfileOf } from "~/features/tokens/data";
import { toBase64Url } from "~/features/tokens/message";

/**
 * The campaign's one signing key, made on first need (the first worker or visitor who asks for
 * it); of two processes making it at once, the first insert wins and both use that one.
 */
export async function ensureCampaignKey(campaignId: string): Promise<{ publicKey: string; sealedKey: string } | null> {
  const select = { publicKey: true, sealedKey: true } as const;
  const found = await db.campaignTokenKey.findUnique({ where: { campaignId }, select });
  if (found) return found;
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { verifiedOnly: true } });
  if (!campaign?.verifiedOnly) return null;
  const { spki, pkcs8 } = await newKeyPair();
  try {
    await db.campaignTokenKey.create({ data: { campaignId, publicKey: spki.toString("base64url"), sealedKey: sealSigningKey(campaignId, pkcs8) } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  return db.campaignTokenKey.findUniqueOrThrow({ where: { campaignId }, select });
}

/**
 * Signs one blinded token for a worker the campaign's union verified (PRIVACY.md P6): once per
 * account per campaign, enforced by the TokenIssue key, so of concurrent requests one is signed.
 * The server sees only the blinded message; the counts it keeps are the campaign's tokens issued
 * and, per coarse profile, how many holders share it (the anonymity set of token ballots).
 * A token lost after this cannot be issued again: telling whether it was spent would link.
 */
export async function issueToken(accountId: string, campaignId: string, blindedMsg: Uint8Array) {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { verifiedOnly: true, phase: true, unionId: true } });
  if (!campaign) throw new AppError("NOT_FOUND");
  if (!campaign.verifiedOnly) throw new AppError("TOKEN_NOT_NEEDED");
  if (campaign.phase === "CLOSED") throw new AppError("CAMPAIGN_CLOSED");
  const verified = await db.verification.findFirst({ where: { accountId, unionId: campaign.unionId }, select: { accountId: true } });
  if (!verified) throw new AppError("NOT_VERIFIED");
  const [key, profile] = await Promise.all([ensureCampaignKey(campaignId), tokenProfileOf(accountId)]);
  if (!key || !profile) throw new AppError("NOT_FOUND");

  // Signed before the claim, so a malformed message claims nothing; a refused claim drops it.
  const blindSig = signBlinded(openSigningKey(campaignId, key.sealedKey), Buffer.from(key.publicKey, "base64url"), blindedMsg);
  if (!blindSig) throw new AppError("BAD_INPUT");
  const issueKey = nullifier("token-issue", accountId, campaignId);
  // Rows in one fixed order (claim, profile count, campaign count), so issuances cannot deadlock.
  await db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`INSERT INTO "TokenIssue" ("key", "campaignId") VALUES (${issueKey}, ${campaignId}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) throw new AppError("TOKEN_ALREADY_ISSUED");
    await tx.$executeRaw`
      INSERT INTO "TokenProfile" ("campaignId", "city", "platform", "sector", "holders")
      VALUES (${campaignId}, ${profile.city}, ${profile.platform}, ${profile.sector}, 1)
      ON CONFLICT ("campaignId", "city", "platform", "sector") DO UPDATE SET "holders" = "TokenProfile"."holders" + 1`;
    await tx.campaignTokenKey.update({ where: { campaignId }, data: { issued: { increment: 1 } } });
  });
  return { blindSignature: toBase64Url(blindSig), profile };
}
