import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { refusePii } from "~/lib/pii/refuse";
import { canMoveTo, checkCampaignInputs, isFrozen } from "~/features/campaigns/policy";
import type { CampaignInput, Phase } from "~/features/campaigns/schema";
import { chinaToday } from "~/lib/days";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

async function checkPlatforms(slugs: string[]) {
  const unique = [...new Set(slugs)];
  const known = await db.platform.count({ where: { slug: { in: unique } } });
  if (known !== unique.length) throw new AppError("BAD_INPUT");
}

/** Campaign texts are public: personal data in them is refused like any published text (P5). */
function toData(input: CampaignInput) {
  refusePii(input.title, input.description, input.targetGovernment);
  return {
    title: input.title,
    description: input.description,
    scopePlatformSlugs: [...new Set(input.scopePlatformSlugs)],
    scopeSectors: [...new Set(input.scopeSectors)],
    scopeCities: [...new Set(input.scopeCities)],
    targetPlatformSlugs: [...new Set(input.targetPlatformSlugs)],
    targetsUnion: input.targetsUnion,
    targetGovernment: input.targetGovernment || null,
    proposingFrom: asDate(input.proposingFrom),
    votingFrom: asDate(input.votingFrom),
    closesOn: asDate(input.closesOn),
    verifiedOnly: input.verifiedOnly,
  };
}

/** `today` is the China day (chinaToday()); tests and fixtures that build past campaigns pass theirs. */
export async function createCampaign(unionId: string, input: CampaignInput, today = chinaToday()) {
  const data = toData(input);
  checkCampaignInputs(null, data, today);
  await checkPlatforms([...input.scopePlatformSlugs, ...input.targetPlatformSlugs]);
  return db.campaign.create({ data: { unionId, ...data }, select: { id: true } });
}

const frozenSelect = { phase: true, scopePlatformSlugs: true, scopeSectors: true, scopeCities: true, proposingFrom: true, votingFrom: true, closesOn: true, verifiedOnly: true } as const;

/**
 * Saves a campaign's settings. Scope, dates and verifiedOnly are checked against the stored row
 * (checkCampaignInputs), and the write is conditional on the phase and every frozen input
 * still being what was checked, so an edit racing the start of voting (or another edit) is a
 * CONFLICT rather than a change after the freeze.
 */
export async function updateCampaign(unionId: string, campaignId: string, input: CampaignInput, today = chinaToday()) {
  const before = await db.campaign.findFirst({ where: { id: campaignId, unionId }, select: frozenSelect });
  if (!before) throw new AppError("NOT_FOUND");
  const next = toData(input);
  checkCampaignInputs(before, next, today);
  const { phase, ...stored } = before;
  // Once frozen, the inputs equal the stored ones (lists as sets): keep them exactly as stored.
  const data = isFrozen(before, today) ? { ...next, ...stored } : next;
  await checkPlatforms([...input.scopePlatformSlugs, ...input.targetPlatformSlugs]);
  const unchanged = {
    ...stored,
    phase,
    scopePlatformSlugs: { equals: stored.scopePlatformSlugs },
    scopeSectors: { equals: stored.scopeSectors },
    scopeCities: { equals: stored.scopeCities },
  };
  const { count } = await db.campaign.updateMany({ where: { id: campaignId, unionId, ...unchanged }, data });
  if (count === 0) throw new AppError("CONFLICT");
}

/**
 * Moves a campaign to its next phase and tells its followers. The update is conditional on
 * the phase it came from, so two organisers clicking at once notify once.
 */
export async function setPhase(unionId: string, campaignId: string, phase: Phase) {
  return db.$transaction(async (tx) => {
    const current = await tx.campaign.findFirst({ where: { id: campaignId, unionId }, select: { phase: true } });
    if (!current) throw new AppError("NOT_FOUND");
    if (!canMoveTo(current.phase, phase)) throw new AppError("CONFLICT");
    const { count } = await tx.campaign.updateMany({ where: { id: campaignId, phase: current.phase }, data: { phase } });
    if (count === 0) throw new AppError("CONFLICT");
    const followers = await tx.campaignFollow.findMany({ where: { campaignId }, select: { accountId: true } });
    const kind = phase === "CLOSED" ? "RESULTS_FINAL" : "VOTING_OPEN";
    await tx.notification.createMany({ data: followers.map((f) => ({ accountId: f.accountId, campaignId, kind })) });
    return { notified: followers.length };
  });
}

/**
 * Moves campaigns along their published dates (China time): voting opens on `votingFrom`, and
 * the campaign closes once `closesOn` has ended. Organisers can still move a phase early by
 * hand. Each move goes through setPhase, whose conditional update makes a second sweep, or a
 * sweep racing an organiser's click, a no-op, so followers are told once.
 */
export async function advanceDuePhases(today = chinaToday()) {
  const due = await db.campaign.findMany({
    where: {
      OR: [
        { phase: "PROPOSING", votingFrom: { lte: today } },
        { phase: "VOTING", closesOn: { lt: today } },
      ],
    },
    select: { id: true, unionId: true, phase: true, closesOn: true },
    orderBy: { closesOn: "asc" },
    take: 500,
  });
  let moved = 0;
  for (const c of due) {
    const steps = c.phase === "PROPOSING" ? (c.closesOn < today ? (["VOTING", "CLOSED"] as const) : (["VOTING"] as const)) : (["CLOSED"] as const);
    for (const phase of steps) {
      try {
        await setPhase(c.unionId, c.id, phase);
        moved++;
      } catch (error) {
        // Someone else moved it first: nothing left to do for this campaign.
        if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) break;
        throw error;
      }
    }
  }
  return { moved };
}
