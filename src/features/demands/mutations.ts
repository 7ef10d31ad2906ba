import "server-only";
import { db, type Tx } from "~/server/db";
import { isUniqueViolation } from "~/server/db/errors";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { isVerified } from "~/features/verification/data";
import type { DemandCategory } from "~/lib/taxonomy";
import { recordActor, releaseAfterWrite } from "~/features/stats/releases/mutations";

type Fields = { title: string; text: string; category: DemandCategory };

function checkPii(fields: Fields) {
  refusePii(fields.title, fields.text);
}

/** The campaign must be proposing; a verified-only campaign takes part only from verified accounts. */
async function openForWorker(campaignId: string, accountId: string) {
  const c = await db.campaign.findUnique({ where: { id: campaignId }, select: { phase: true, verifiedOnly: true, unionId: true } });
  if (!c) throw new AppError("NOT_FOUND");
  if (c.phase !== "PROPOSING") throw new AppError(c.phase === "CLOSED" ? "CAMPAIGN_CLOSED" : "PHASE_CLOSED");
  if (c.verifiedOnly && !(await isVerified(accountId, c.unionId))) throw new AppError("NOT_VERIFIED");
}

async function insertDemand(campaignId: string, fields: Fields, extra: { proposer: string | null; status: "PENDING" | "APPROVED" }) {
  // Numbers are per campaign; two proposals at once may pick the same one, so retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.demand.aggregate({ where: { campaignId }, _max: { number: true } });
        const number = (last._max.number ?? 0) + 1;
        const demand = await tx.demand.create({
          data: { campaignId, number, ...fields, proposer: extra.proposer, byOrganiser: extra.proposer === null, status: extra.status },
          select: { id: true, number: true },
        });
        await tx.demandRevision.create({ data: { demandId: demand.id, version: 1, kind: "proposed", ...fields } });
        return demand;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError("CONFLICT");
}

export async function proposeDemand(accountId: string, campaignId: string, fields: Fields) {
  checkPii(fields);
  await openForWorker(campaignId, accountId);
  return insertDemand(campaignId, fields, { proposer: nullifier("proposer", accountId, campaignId), status: "PENDING" });
}

async function recountSupports(tx: Tx, demandId: string) {
  const count = await tx.demandSupport.count({ where: { demandId } });
  await tx.demand.update({ where: { id: demandId }, data: { supportCount: count }, select: { id: true } });
  return count;
}

/** One support per account per demand: the primary key decides, so double taps are harmless. */
export async function setSupport(accountId: string, demandId: string, support: boolean) {
  const demand = await db.demand.findUnique({ where: { id: demandId }, select: { campaignId: true, status: true } });
  if (!demand || (demand.status !== "PENDING" && demand.status !== "APPROVED")) throw new AppError("NOT_FOUND");
  await openForWorker(demand.campaignId, accountId);
  const supporter = nullifier("support", accountId, demand.campaignId);
  const { due, ...answer } = await db.$transaction(async (tx) => {
    if (support) {
      await tx.$executeRaw`INSERT INTO "DemandSupport" ("demandId", "supporter") VALUES (${demandId}, ${supporter}) ON CONFLICT DO NOTHING`;
    } else {
      await tx.demandSupport.deleteMany({ where: { demandId, supporter } });
    }
    await recountSupports(tx, demandId);
    // Shown counts are the campaign's last release: this worker joins the actors since.
    const due = await recordActor(tx, "support", demand.campaignId, accountId);
    // No count in the answer: under 5 it would be a statistic about fewer than 5 workers (P4).
    return { supported: support, due };
  });
  await releaseAfterWrite("support", demand.campaignId, due);
  return answer;
}

// ---- Organisers (the union owning the campaign; every query is scoped by it) ----

async function unionDemand(tx: Tx, unionId: string, demandId: string) {
  const d = await tx.demand.findFirst({
    where: { id: demandId, campaign: { unionId } },
    select: { id: true, campaignId: true, status: true, title: true, text: true, category: true, campaign: { select: { phase: true } } },
  });
  if (!d) throw new AppError("NOT_FOUND");
  if (d.campaign.phase !== "PROPOSING") throw new AppError("PHASE_CLOSED");
  return d;
}

async function addRevision(tx: Tx, demandId: string, kind: string, fields: Fields | { title: string; text: string; category: string }, note?: string) {
  const last = await tx.demandRevision.aggregate({ where: { demandId }, _max: { version: true } });
  await tx.demandRevision.create({ data: { demandId, version: (last._max.version ?? 0) + 1, kind, ...fields, note: note ?? null } });
}

export async function addDemandAsOrganiser(unionId: string, campaignId: string, fields: Fields) {
  checkPii(fields);
  const c = await db.campaign.findFirst({ where: { id: campaignId, unionId }, select: { phase: true } });
  if (!c) throw new AppError("NOT_FOUND");
  if (c.phase !== "PROPOSING") throw new AppError("PHASE_CLOSED");
  return insertDemand(campaignId, fields, { proposer: null, status: "APPROVED" });
}

export async function approveDemand(unionId: string, demandId: string) {
  await db.$transaction(async (tx) => {
    const d = await unionDemand(tx, unionId, demandId);
    if (d.status === "MERGED") throw new AppError("CONFLICT");
    await tx.demand.update({ where: { id: demandId }, data: { status: "APPROVED", rejectReason: null }, select: { id: true } });
  });
}

/** Edits for clarity keep every earlier wording as a revision. */
export async function editDemand(unionId: string, demandId: string, fields: Fields) {
  checkPii(fields);
  await db.$transaction(async (tx) => {
    const d = await unionDemand(tx, unionId, demandId);
    if (d.status === "MERGED") throw new AppError("CONFLICT");
    await tx.demand.update({ where: { id: demandId }, data: fields, select: { id: true } });
    await addRevision(tx, demandId, "edited", fields);
  });
}

export async function rejectDemand(unionId: string, demandId: string, reason: string) {
  refusePii(reason);
  await db.$transaction(async (tx) => {
    const d = await unionDemand(tx, unionId, demandId);
    if (d.status === "MERGED") throw new AppError("CONFLICT");
    await tx.demand.update({ where: { id: demandId }, data: { status: "REJECTED", rejectReason: reason }, select: { id: true } });
  });
}

/**
 * Merges duplicates into one demand. Supports carry over counted once per account: a support's
 * key is the campaign-wide supporter nullifier, so copying with ON CONFLICT DO NOTHING drops
 * the second support of someone who backed both.
 */
export async function mergeDemands(unionId: string, campaignId: string, sourceIds: string[], targetId: string) {
  return db.$transaction(async (tx) => {
    const ids = [...new Set(sourceIds)];
    const target = await unionDemand(tx, unionId, targetId);
    if (target.campaignId !== campaignId || target.status === "MERGED" || target.status === "REJECTED") throw new AppError("CONFLICT");
    const sources = await Promise.all(ids.map((id) => unionDemand(tx, unionId, id)));
    if (sources.some((s) => s.campaignId !== campaignId || s.status === "MERGED")) throw new AppError("CONFLICT");
    await tx.$executeRaw`
      INSERT INTO "DemandSupport" ("demandId", "supporter")
      SELECT ${targetId}, "supporter" FROM "DemandSupport" WHERE "demandId" = ANY(${ids}::text[])
      ON CONFLICT DO NOTHING`;
    await tx.demandSupport.deleteMany({ where: { demandId: { in: ids } } });
    await tx.demand.updateMany({ where: { id: { in: ids } }, data: { status: "MERGED", mergedIntoId: targetId, supportCount: 0 } });
    const numbers = await tx.demand.findMany({ where: { id: { in: ids } }, select: { number: true }, orderBy: { number: "asc" } });
    await addRevision(tx, targetId, "merged", { title: target.title, text: target.text, category: target.category }, numbers.map((n) => `#${n.number}`).join(", "));
    return { supportCount: await recountSupports(tx, targetId) };
  });
}
