import { callerFor, makePlatform, makeStaff, makeWorker, moderatingUnionOf } from "./factories";

// Petitions through the real procedures: a starter, five sponsors, an organiser's decision.

const text = {
  title: "Stop unpaid waiting time at pickup",
  ask: "Pay riders for every minute they wait at restaurants beyond five minutes.",
  reason: "We wait twenty minutes for orders and lose income while the app counts us late.",
};

export async function sponsoredPetition(over: Partial<typeof text> = {}, platformId?: string) {
  const platform = platformId ? { id: platformId } : await makePlatform();
  const starter = (await makeWorker()).account;
  const { id, sponsorToken: token } = await callerFor(starter).petitions.start({ ...text, ...over, target: { kind: "PLATFORM", platformId: platform.id } });
  const sponsors = [];
  for (let i = 0; i < 5; i++) {
    const sponsor = (await makeWorker()).account;
    await callerFor(sponsor).petitions.sponsor({ petitionId: id, token });
    sponsors.push(sponsor);
  }
  // The organiser of the union an admin assigned to this platform: only they moderate it (P7).
  const organiser = (await makeStaff("ORGANISER", await moderatingUnionOf(platform))).account;
  return { id, token, starter, sponsors, organiser, platformId: platform.id };
}

/** A published petition addressed to a platform (a new one unless given). */
export async function publishedPetition(opts: { threshold?: number; platformId?: string; text?: Partial<typeof text> } = {}) {
  const p = await sponsoredPetition(opts.text, opts.platformId);
  await callerFor(p.organiser).petitions.moderate({ petitionId: p.id, decision: "PUBLISH", threshold: opts.threshold ?? 1000 });
  return p;
}
