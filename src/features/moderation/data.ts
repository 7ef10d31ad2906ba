import "server-only";
import { db } from "~/server/db";
import { OTHER_SCOPE, type ModerationScope } from "~/features/moderation/policy";

/** The union's campaigns and whether it holds the "OTHER" scope: the inputs of petitionsModeratedBy. */
export async function moderationScopeOf(unionId: string): Promise<ModerationScope> {
  const [campaigns, other] = await Promise.all([
    db.campaign.findMany({ where: { unionId }, select: { id: true } }),
    db.moderationAssignment.findUnique({ where: { scope: OTHER_SCOPE }, select: { unionId: true } }),
  ]);
  return { unionId, campaignIds: campaigns.map((c) => c.id), ownsOther: other?.unionId === unionId };
}

/** Every scope an admin can assign (each platform, then "OTHER"), with its union or null. */
export async function listModerationAssignments() {
  const [platforms, assigned] = await Promise.all([
    db.platform.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true } }),
    db.moderationAssignment.findMany({ select: { scope: true, unionId: true } }),
  ]);
  const unionOf = new Map(assigned.map((a) => [a.scope, a.unionId]));
  return [
    ...platforms.map((p) => ({ scope: p.id, platform: p, unionId: unionOf.get(p.id) ?? null })),
    { scope: OTHER_SCOPE, platform: null, unionId: unionOf.get(OTHER_SCOPE) ?? null },
  ];
}
