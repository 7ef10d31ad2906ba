import { createCampaign, setPhase } from "~/features/campaigns/mutations";
import { parseDay } from "~/lib/days";
import { addDemandAsOrganiser } from "~/features/demands/mutations";
import { updateWorkerProfile } from "~/features/accounts/mutations";
import type { CampaignInput } from "~/features/campaigns/schema";
import type { CityCode } from "~/lib/taxonomy";
import { makeStaff, makeUnion, makeWorker, uid } from "./factories";

export function campaignInput(over: Partial<CampaignInput> = {}): CampaignInput {
  return {
    title: `Campaign ${uid()}`,
    description: "A bargaining round about pay and rest days.",
    scopePlatformSlugs: [],
    scopeSectors: [],
    scopeCities: [],
    targetPlatformSlugs: [],
    targetsUnion: true,
    targetGovernment: "",
    proposingFrom: "2026-11-01",
    votingFrom: "2026-12-01",
    closesOn: "2026-12-20",
    verifiedOnly: false,
    ...over,
  };
}

/** A union, its organiser and a campaign with `demands` approved demands, moved to `phase`. */
export async function makeCampaign(opts: { demands?: number; phase?: "PROPOSING" | "VOTING" | "CLOSED"; input?: Partial<CampaignInput> } = {}) {
  const union = await makeUnion();
  const organiser = await makeStaff("ORGANISER", union.id);
  const input = campaignInput(opts.input);
  // Created on its own start day, as an organiser would have (no start date in the past).
  const { id: campaignId } = await createCampaign(union.id, input, parseDay(input.proposingFrom)!);
  const demandIds: string[] = [];
  for (let i = 0; i < (opts.demands ?? 0); i++) {
    const d = await addDemandAsOrganiser(union.id, campaignId, { title: `Demand ${i + 1}`, text: `Text of demand number ${i + 1}.`, category: "pay_and_deductions" });
    demandIds.push(d.id);
  }
  if (opts.phase === "VOTING" || opts.phase === "CLOSED") await setPhase(union.id, campaignId, "VOTING");
  if (opts.phase === "CLOSED") await setPhase(union.id, campaignId, "CLOSED");
  return { union, organiser, campaignId, demandIds };
}

export async function makeProfiledWorker(city: CityCode, platformSlugs: string[] = [], sectors: ("FOOD_DELIVERY" | "COURIER")[] = []) {
  const worker = await makeWorker();
  await updateWorkerProfile(worker.account.accountId, { city, platformSlugs, sectors });
  return worker;
}
