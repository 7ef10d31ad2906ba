// PRIVACY.md P7, who moderates what. A petition belongs to the union whose campaign it is part
// of; outside a campaign, to the union it is addressed to; a petition to a platform, and a
// report narrative, to the union an admin assigned to that platform; a petition to a party
// outside the portal (a government body), to the union assigned the "OTHER" scope. Whatever has
// no union waits in nobody's queue until an admin assigns one (the admin page lists the gaps).
// Written as where clauses so every queue and every moderation write is scoped in the database
// (plain objects: Prisma's types stay in data.ts and mutations.ts, which type-check them).

/** The scope that stands for parties outside the portal in ModerationAssignment. */
export const OTHER_SCOPE = "OTHER";

/** What the rule needs to know about a union, read once per call (see moderationScopeOf). */
export type ModerationScope = { unionId: string; campaignIds: string[]; ownsOther: boolean };

export function petitionsModeratedBy(scope: ModerationScope) {
  const { unionId } = scope;
  return {
    OR: [
      ...(scope.campaignIds.length > 0 ? [{ campaignId: { in: scope.campaignIds } }] : []),
      { campaignId: null, targetKind: "UNION" as const, unionId },
      { campaignId: null, targetKind: "PLATFORM" as const, platform: { moderation: { unionId } } },
      ...(scope.ownsOther ? [{ campaignId: null, targetKind: "OTHER" as const }] : []),
    ],
  };
}

export function narrativesModeratedBy(unionId: string) {
  return { platform: { moderation: { unionId } } };
}

/**
 * Platforms' statements on their scorecard: like narratives, the union assigned to the platform;
 * admins see every one (also where no union is assigned yet, so none waits for ever).
 */
export type StatementModerator = { kind: "union"; unionId: string } | { kind: "admin" };
export function statementsModeratedBy(moderator: StatementModerator) {
  return moderator.kind === "admin" ? {} : narrativesModeratedBy(moderator.unionId);
}
