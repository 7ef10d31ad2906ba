import { castBallot } from "~/features/ballots/mutations";
import { setPhase } from "~/features/campaigns/mutations";
import type { CampaignInput } from "~/features/campaigns/schema";
import { db } from "~/server/db";
import { sealProfile } from "~/features/accounts/profile-seal";
import { makeCampaign } from "./campaign-factories";
import { uid } from "./factories";

// Closed campaigns with real ballots (cast through castBallot, so the running tally is the
// one the app keeps). Voters are bare worker rows: signing in is not what these tests are about.

export async function voters(count: number, profile: { city?: string; platformSlugs?: string[]; sectors?: ("FOOD_DELIVERY" | "COURIER")[] } = {}) {
  const rows = Array.from({ length: count }, () => ({
    id: `voter-${uid()}${uid()}`,
    role: "WORKER" as const,
    pseudonym: `Voter-${uid()}${uid()}`,
    keyLookup: `k-${uid()}${uid()}`,
    secretHash: "not-a-real-hash",
    profileSealed: sealProfile({ city: profile.city ?? null, platformSlugs: profile.platformSlugs ?? [], sectors: profile.sectors ?? [] }),
  }));
  await db.account.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** The n-th voter's ranking: varied but deterministic, 1 to 3 demands. */
export function rankingFor(demandIds: string[], n: number) {
  const len = 1 + (n % 3);
  return Array.from({ length: len }, (_, i) => demandIds[(n + i) % demandIds.length]!).filter((v, i, a) => a.indexOf(v) === i);
}

export async function castAll(campaignId: string, demandIds: string[], accountIds: string[], offset = 0) {
  for (const [i, id] of accountIds.entries()) await castBallot(id, campaignId, rankingFor(demandIds, i + offset));
}

/** A campaign with `byCity` voters per city who voted, then closed. */
export async function closedCampaign(byCity: Record<string, number>, opts: { demands?: number; input?: Partial<CampaignInput>; keepOpen?: boolean } = {}) {
  const made = await makeCampaign({ demands: opts.demands ?? 4, phase: "VOTING", input: opts.input });
  let offset = 0;
  for (const [city, n] of Object.entries(byCity)) {
    await castAll(made.campaignId, made.demandIds, await voters(n, { city }), offset);
    offset += n;
  }
  if (!opts.keepOpen) await setPhase(made.union.id, made.campaignId, "CLOSED");
  return made;
}
