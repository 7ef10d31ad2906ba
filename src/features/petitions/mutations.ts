import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "~/server/db";
import { isForeignKeyViolation, isUniqueViolation } from "~/server/db/errors";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { ownerKeyOf, sponsorNullifier, sponsorToken } from "~/features/petitions/policy";
import { SPONSORS_NEEDED, type ModerateInput, type StartPetitionInput } from "~/features/petitions/schema";
import { petitionsModeratedBy, type ModerationScope } from "~/features/moderation/policy";
import { recordProgress } from "~/features/petitions/signatures/mutations";
import { addDays, chinaToday } from "~/lib/days";
import { newId } from "~/server/ids";

const SHORT_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

function shortCode() {
  return Array.from(randomBytes(7), (b) => SHORT_ALPHABET[b % SHORT_ALPHABET.length]).join("");
}

/** Any worker starts a petition; it waits for five sponsors before moderation. */
export async function startPetition(accountId: string, input: StartPetitionInput) {
  refusePii(input.title, input.ask, input.reason, input.target.kind === "OTHER" ? input.target.name : undefined);
  const id = newId();
  const { target } = input;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.petition.create({
        data: {
          id,
          shortCode: shortCode(),
          ownerKey: ownerKeyOf(accountId, id),
          title: input.title,
          ask: input.ask,
          reason: input.reason,
          targetKind: target.kind,
          platformId: target.kind === "PLATFORM" ? target.platformId : null,
          unionId: target.kind === "UNION" ? target.unionId : null,
          targetName: target.kind === "OTHER" ? target.name : null,
          campaignId: input.campaignId ?? null,
          durationDays: input.durationDays,
        },
        select: { id: true },
      });
      return { id, sponsorToken: sponsorToken(id) };
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError("NOT_FOUND");
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError("INTERNAL");
}

/**
 * A worker co-signs the private link. Insert-and-count in one statement: the nullifier's
 * unique constraint makes double taps harmless, and the fifth sponsor sends it to moderation.
 */
export async function sponsorPetition(accountId: string, petitionId: string, token: string) {
  if (token !== sponsorToken(petitionId)) throw new AppError("NOT_FOUND");
  const petition = await db.petition.findUnique({ where: { id: petitionId }, select: { ownerKey: true, status: true } });
  if (!petition) throw new AppError("NOT_FOUND");
  if (petition.ownerKey === ownerKeyOf(accountId, petitionId)) throw new AppError("OWN_PETITION");
  if (petition.status !== "GATHERING_SPONSORS" && petition.status !== "PENDING_MODERATION") throw new AppError("PETITION_CLOSED");
  const rows = await db.$queryRaw<{ sponsors: number }[]>`
    WITH ins AS (
      INSERT INTO "PetitionSponsor" ("petitionId", nullifier) VALUES (${petitionId}, ${sponsorNullifier(accountId, petitionId)})
      ON CONFLICT (nullifier) DO NOTHING RETURNING 1
    )
    UPDATE "Petition" SET "sponsorCount" = "sponsorCount" + 1,
      status = CASE WHEN "sponsorCount" + 1 >= ${SPONSORS_NEEDED} AND status = 'GATHERING_SPONSORS' THEN 'PENDING_MODERATION'::"PetitionStatus" ELSE status END
    WHERE id = ${petitionId} AND EXISTS (SELECT 1 FROM ins)
    RETURNING "sponsorCount" AS sponsors`;
  if (rows.length === 0) throw new AppError("ALREADY_SPONSORED");
  return { sponsors: rows[0]!.sponsors };
}

/**
 * The union's organisers publish (the clock and the count start) or reject with a reason shown
 * publicly. Every write below is scoped by the organiser's union in its where clause (P7): a
 * petition of another union is NOT_FOUND, and nothing changes.
 */
export async function moderatePetition(organiserId: string, scope: ModerationScope, input: ModerateInput) {
  const today = chinaToday();
  const mine = petitionsModeratedBy(scope);
  const current = await db.petition.findFirst({ where: { id: input.petitionId, ...mine }, select: { status: true, durationDays: true } });
  if (!current) throw new AppError("NOT_FOUND");
  if (current.status !== "PENDING_MODERATION") throw new AppError("CONFLICT");
  if (input.decision === "REJECT") refusePii(input.reason);
  const data =
    input.decision === "PUBLISH"
      ? { status: "PUBLISHED" as const, publishedOn: today, closesOn: addDays(today, current.durationDays), ...(input.threshold ? { threshold: input.threshold } : {}) }
      : { status: "REJECTED" as const, rejectionReason: input.reason };
  const { count } = await db.petition.updateMany({
    where: { id: input.petitionId, status: "PENDING_MODERATION", ...mine },
    data: { ...data, moderatedById: organiserId },
  });
  if (count === 0) throw new AppError("CONFLICT");
}

/**
 * Whether only verified workers may sign. Only before publication (signing needs PUBLISHED), so
 * no signature can exist under the other rule: publishing and this update lock the same row, and
 * whichever comes second sees the other's result.
 */
export async function setPetitionVerifiedOnly(scope: ModerationScope, petitionId: string, verifiedOnly: boolean) {
  const { count } = await db.petition.updateMany({
    where: { id: petitionId, status: { in: ["GATHERING_SPONSORS", "PENDING_MODERATION"] }, ...petitionsModeratedBy(scope) },
    data: { verifiedOnly },
  });
  if (count > 0) return { verifiedOnly };
  const exists = await db.petition.count({ where: { id: petitionId, ...petitionsModeratedBy(scope) } });
  throw new AppError(exists ? "PETITION_FROZEN" : "NOT_FOUND");
}

export async function setThreshold(scope: ModerationScope, petitionId: string, threshold: number) {
  const { count } = await db.petition.updateMany({
    where: { id: petitionId, status: { in: ["PENDING_MODERATION", "PUBLISHED"] }, ...petitionsModeratedBy(scope) },
    data: { threshold },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordProgress(petitionId);
}

/** Delivery to a party outside the portal, with the date it happened. */
export async function recordDelivery(scope: ModerationScope, petitionId: string, deliveredTo: string, deliveredOn: Date) {
  refusePii(deliveredTo);
  if (deliveredOn.getTime() > chinaToday().getTime()) throw new AppError("BAD_INPUT");
  const { count } = await db.petition.updateMany({
    where: { id: petitionId, status: "PUBLISHED", ...petitionsModeratedBy(scope) },
    data: { deliveredTo, deliveredOn },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
}

/** The addressed platform's representative answers; the answer is published with its date. */
export async function answerPetition(platformId: string, petitionId: string, text: string) {
  refusePii(text);
  const { count } = await db.petition.updateMany({
    where: { id: petitionId, platformId, status: "PUBLISHED", targetKind: "PLATFORM" },
    data: { responseText: text, respondedOn: chinaToday() },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
}

export async function moderateComment(scope: ModerationScope, signatureId: string, decision: "APPROVED" | "REJECTED") {
  const { count } = await db.petitionSignature.updateMany({
    where: { id: signatureId, commentStatus: "PENDING", petition: petitionsModeratedBy(scope) },
    data: decision === "APPROVED" ? { commentStatus: "APPROVED" } : { commentStatus: "REJECTED", comment: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
}
