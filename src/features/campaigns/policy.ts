import type { Phase } from "~/features/campaigns/schema";

// Who sees what of a campaign, and which campaigns concern a worker. Pure, so both the pages
// and the feature functions use the same rules.

export type Scope = { scopePlatformSlugs: string[]; scopeSectors: string[]; scopeCities: string[] };
export type WorkerProfile = { platformSlugs: string[]; sectors: string[]; city: string | null };

/** A campaign concerns a worker when every non-empty scope list meets their profile. */
export function matchesProfile(scope: Scope, profile: WorkerProfile): boolean {
  const meets = (list: string[], mine: string[]) => list.length === 0 || mine.some((m) => list.includes(m));
  return (
    meets(scope.scopePlatformSlugs, profile.platformSlugs) &&
    meets(scope.scopeSectors, profile.sectors) &&
    meets(scope.scopeCities, profile.city ? [profile.city] : [])
  );
}

/** Live results bias later voters, so the organiser chooses; the union's own organisers always see them. */
export function resultsVisible(c: { phase: Phase; liveResults: boolean }, viewer: "worker" | "organiser"): boolean {
  if (viewer === "organiser") return c.phase !== "PROPOSING";
  return c.phase === "CLOSED" || (c.phase === "VOTING" && c.liveResults);
}

/** Phases only move forward: proposing, then voting, then closed. */
export function canMoveTo(from: Phase, to: Phase): boolean {
  const order: Phase[] = ["PROPOSING", "VOTING", "CLOSED"];
  return order.indexOf(to) === order.indexOf(from) + 1;
}
