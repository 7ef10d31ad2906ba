import { createCampaign, setPhase } from "~/features/campaigns/mutations";
import { addDemandAsOrganiser } from "~/features/demands/mutations";
import type { CampaignInput } from "~/features/campaigns/schema";
import { storeRecountedTally } from "~/features/ballots/mutations";
import { db } from "~/server/db";
import { parseDay } from "~/lib/days";
import { campaignInput } from "~/test/campaign-factories";
import type { BenchWorker } from "./workers";
import type { WrkRequest } from "./wrk";

// Campaigns with many ballots for the benchmarks: ballots written in bulk with the tally a
// recount gives, which is exactly what the incremental tally would hold.

export const CITIES = ["shenzhen", "shanghai", "beijing", "wuhan", "chengdu", "hangzhou"];
export const SECTORS = ["FOOD_DELIVERY", "COURIER", "RIDE_HAILING"];

/** The n-th synthetic voter's profile: the cities and sectors in turn, no platform. */
export const voterProfile = (i: number) => ({ city: CITIES[i % CITIES.length], sectors: [SECTORS[i % SECTORS.length]!], platformSlugs: [] });

/**
 * Signed-in ballots as the ballot page sends them (POST /api/ballots), `rounds` per worker with
 * different rankings: the first casts, the rest change the ballot (old contribution out, new in).
 */
export function sessionBallotRequests(workers: BenchWorker[], campaign: { id: string; ids: string[] }, rounds: number): WrkRequest[] {
  return Array.from({ length: workers.length * rounds }, (_, n) => ({
    method: "POST",
    path: "/api/ballots",
    cookie: workers[n % workers.length]!.cookie,
    body: JSON.stringify({ campaignId: campaign.id, demandIds: ranking(campaign.ids, n) }),
  }));
}

export async function votingCampaign(unionId: string, demands: number, input: Partial<CampaignInput> = {}) {
  const fields = campaignInput({ title: "Bench campaign", description: "A campaign for the benchmark.", votingFrom: "2026-11-20", closesOn: "2026-12-31", ...input });
  // Created as on its start day: no start date in the past.
  const { id } = await createCampaign(unionId, fields, parseDay(fields.proposingFrom)!);
  const ids: string[] = [];
  for (let i = 0; i < demands; i++) ids.push((await addDemandAsOrganiser(unionId, id, { title: `Demand ${i + 1}`, text: `Benchmark demand number ${i + 1}.`, category: "pay_and_deductions" })).id);
  await setPhase(unionId, id, "VOTING");
  return { id, ids };
}

/** A deterministic ranking of 1-5 distinct demands for the n-th ballot. */
export function ranking(ids: string[], n: number) {
  const len = 1 + (n % 5);
  const start = (n * 7) % ids.length;
  return Array.from({ length: len }, (_, i) => ids[(start + i * 3) % ids.length]!).filter((v, i, a) => a.indexOf(v) === i);
}

/** 100,000 ballots written in bulk, with the tally a recount gives (what the incremental tally holds). */
export async function bulkBallots(campaignId: string, ids: string[], n: number) {
  const ballots = Array.from({ length: n }, (_, i) => ({
    demandIds: ranking(ids, i),
    profile: { city: CITIES[i % CITIES.length]!, platform: i % 4 === 0 ? "several" : "flasheats", sector: SECTORS[i % SECTORS.length]! },
  }));
  for (let i = 0; i < n; i += 5000) {
    await db.ballot.createMany({
      data: ballots.slice(i, i + 5000).map((b, j) => ({ campaignId, nullifier: `bench-${campaignId}-${i + j}`, demandIds: b.demandIds, ...b.profile })),
    });
  }
  await storeRecountedTally(campaignId, ballots);
}

