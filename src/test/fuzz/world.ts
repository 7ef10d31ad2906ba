import type { SessionAccount } from "~/features/accounts/data";
import { makeCampaign } from "~/test/campaign-factories";
import { makeStaff, makeUnion, makePlatform, makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";
import { makeAnswer, makePublishedSubmission } from "~/test/submission-factories";
import { validReport } from "~/test/report-input";
import { db } from "~/server/db";
import type { IdPool } from "./zod-arbitrary";
import { writerFor } from "~/test/write-client";

// One small world for the fuzzer: a campaign in voting, a published petition with a comment, a
// published submission with an answer, a report. Their ids and slugs feed the arbitraries, so a
// good part of the calls reach the feature code instead of stopping at NOT_FOUND.

export type FuzzRole = "ANONYMOUS" | "WORKER" | "ORGANISER_OTHER" | "PLATFORM_REP_OTHER" | "ADMIN" | "ORGANISER_HOME" | "PLATFORM_REP_HOME";

export async function makeFuzzWorld() {
  const campaign = await makeCampaign({ demands: 3, phase: "VOTING" });
  const petition = await publishedPetition({ threshold: 100 });
  const submission = await makePublishedSubmission({ demands: 2, platformIds: [petition.platformId] });
  const answer = await makeAnswer({ itemId: submission.items[0]!.id, partyId: submission.platformParties[0]!.id });
  const worker = (await makeWorker()).account;
  const platform = await db.platform.findUniqueOrThrow({ where: { id: petition.platformId }, select: { slug: true } });
  const report = (await writerFor(worker).reports.submit(validReport({ platformSlug: platform.slug }))) as { id: string };
  await writerFor(worker).petitions.sign({ petitionId: petition.id, comment: "We wait far too long every day." });
  const signature = await db.petitionSignature.findFirstOrThrow({ where: { petitionId: petition.id }, select: { id: true } });

  const accounts: Record<FuzzRole, SessionAccount | null> = {
    ANONYMOUS: null,
    WORKER: worker,
    ORGANISER_OTHER: (await makeStaff("ORGANISER", (await makeUnion()).id)).account,
    PLATFORM_REP_OTHER: (await makeStaff("PLATFORM_REP", (await makePlatform()).id)).account,
    ADMIN: (await makeStaff("ADMIN")).account,
    // The home roles of the fixtures reach the deepest code: their calls may succeed.
    ORGANISER_HOME: petition.organiser,
    PLATFORM_REP_HOME: submission.platforms[0]!.rep!.account,
  };
  const pool: IdPool = {
    ids: [
      campaign.campaignId,
      ...campaign.demandIds,
      campaign.union.id,
      petition.id,
      petition.platformId,
      submission.submissionId,
      submission.campaignId,
      ...submission.items.map((i) => i.id),
      answer.id,
      report.id,
      signature.id,
      worker.accountId,
    ],
    slugs: [platform.slug, campaign.union.slug],
  };
  return { accounts, pool, petitionToken: petition.token };
}
