import { encode } from "next-auth/jwt";
import { db } from "~/server/db";
import { openSession } from "~/features/accounts/mutations";
import { randomToken } from "~/features/accounts/credentials";
import { makeCampaign } from "~/test/campaign-factories";
import { makePlatform } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";

// What a burst needs, written through the feature functions into the database the served app
// uses (import this module only after process.env.DATABASE_URL points there).

export type Worker = { accountId: string; cookie: string };

/**
 * Signed-in workers: accounts inserted directly (signing a hundred workers in through argon2
 * would only slow the test), sessions opened as sign-in opens them, cookies minted with the
 * secret the served app shares (setup.ts). Production cookies carry the __Secure- prefix.
 */
export async function signedInWorkers(n: number): Promise<Worker[]> {
  const rows = Array.from({ length: n }, () => ({ role: "WORKER" as const, pseudonym: `Fault-${randomToken(10)}`, keyLookup: randomToken(10), secretHash: "$argon2id$unusable" }));
  await db.account.createMany({ data: rows });
  const accounts = await db.account.findMany({ where: { pseudonym: { in: rows.map((r) => r.pseudonym) } }, select: { id: true } });
  const workers: Worker[] = [];
  for (const a of accounts) {
    const session = await openSession(a.id);
    const token = await encode({ token: { sid: session.id, role: "WORKER" }, secret: process.env.AUTH_SECRET! });
    workers.push({ accountId: a.id, cookie: `__Secure-next-auth.session-token=${token}` });
  }
  return workers;
}

/** A campaign in its voting phase and an open petition, for bursts of ballots and signatures. */
export async function targets() {
  const campaign = await makeCampaign({ demands: 3, phase: "VOTING" });
  const platform = await makePlatform();
  const petition = await publishedPetition({ platformId: platform.id });
  return { campaignId: campaign.campaignId, demandIds: campaign.demandIds, petitionId: petition.id, platformSlug: platform.slug };
}
