import { createTRPCRouter, organiserProcedure, platformRepProcedure, publicProcedure, workerProcedure } from "~/server/api/trpc";
import {
  answerSchema,
  byIdSchema,
  commentModerationSchema,
  deliverySchema,
  listSchema,
  moderateSchema,
  sponsorSchema,
  startPetitionSchema,
  thresholdSchema,
  verifiedOnlySchema,
} from "~/features/petitions/schema";
import {
  getForSponsor,
  getPetition,
  listForModeration,
  listForPlatform,
  listMyPetitions,
  listPetitions,
  listPublishedForOrganiser,
  listTargets,
} from "~/features/petitions/data";
import {
  answerPetition,
  moderateComment,
  moderatePetition,
  recordDelivery,
  setPetitionVerifiedOnly,
  setThreshold,
  sponsorPetition,
  startPetition,
} from "~/features/petitions/mutations";
import { getMySignature, getPetitionCounts, getPublicComments, listPendingComments } from "~/features/petitions/signatures/data";
import { moderationScopeOf } from "~/features/moderation/data";
import { consume } from "~/server/rate-limit";

export const petitionsRouter = createTRPCRouter({
  list: publicProcedure.input(listSchema).query(({ input }) => listPetitions(input.filter, input.platformSlug)),

  get: publicProcedure.input(byIdSchema).query(({ ctx, input }) => getPetition(input.petitionId, ctx.account)),

  /** Polled by the page so counts update live; only k=5-safe figures. */
  counts: publicProcedure.input(byIdSchema).query(async ({ input }) => {
    const counts = await getPetitionCounts(input.petitionId);
    return { shown: counts.shown, credibility: counts.credibility, city: counts.city, platform: counts.platform, sector: counts.sector };
  }),

  comments: publicProcedure.input(byIdSchema).query(async ({ input }) => {
    const counts = await getPetitionCounts(input.petitionId);
    return getPublicComments(input.petitionId, counts.exact);
  }),

  targets: publicProcedure.query(() => listTargets()),

  mine: workerProcedure.query(({ ctx }) => listMyPetitions(ctx.account.accountId)),

  start: workerProcedure.input(startPetitionSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.addressKey, ctx.account.accountId);
    return startPetition(ctx.account.accountId, input);
  }),

  sponsorView: workerProcedure.input(sponsorSchema).query(({ input }) => getForSponsor(input.petitionId, input.token)),

  sponsor: workerProcedure.input(sponsorSchema).mutation(async ({ ctx, input }) => {
    await consume("vote", ctx.addressKey, ctx.account.accountId);
    return sponsorPetition(ctx.account.accountId, input.petitionId, input.token);
  }),

  mySignature: workerProcedure.input(byIdSchema).query(({ ctx, input }) => getMySignature(ctx.account.accountId, input.petitionId)),

  // Signing and withdrawing are POST /api/signatures and /api/signatures/withdraw (src/app/api/signatures).

  // Moderation is scoped to the organiser's union (src/features/moderation/policy.ts).
  moderationQueue: organiserProcedure.query(async ({ ctx }) => {
    const scope = await moderationScopeOf(ctx.unionId);
    const [pending, published, comments] = await Promise.all([listForModeration(scope), listPublishedForOrganiser(scope), listPendingComments(scope)]);
    return { pending, published, comments };
  }),

  moderate: organiserProcedure.input(moderateSchema).mutation(async ({ ctx, input }) => {
    await moderatePetition(ctx.account.accountId, await moderationScopeOf(ctx.unionId), input);
    return { ok: true as const };
  }),

  setThreshold: organiserProcedure.input(thresholdSchema).mutation(async ({ ctx, input }) => {
    await setThreshold(await moderationScopeOf(ctx.unionId), input.petitionId, input.threshold);
    return { ok: true as const };
  }),

  setVerifiedOnly: organiserProcedure
    .input(verifiedOnlySchema)
    .mutation(async ({ ctx, input }) => setPetitionVerifiedOnly(await moderationScopeOf(ctx.unionId), input.petitionId, input.verifiedOnly)),

  recordDelivery: organiserProcedure.input(deliverySchema).mutation(async ({ ctx, input }) => {
    await recordDelivery(await moderationScopeOf(ctx.unionId), input.petitionId, input.deliveredTo, new Date(`${input.deliveredOn}T00:00:00Z`));
    return { ok: true as const };
  }),

  moderateComment: organiserProcedure.input(commentModerationSchema).mutation(async ({ ctx, input }) => {
    await moderateComment(await moderationScopeOf(ctx.unionId), input.signatureId, input.decision);
    return { ok: true as const };
  }),

  inbox: platformRepProcedure.query(({ ctx }) => listForPlatform(ctx.platformId)),

  answer: platformRepProcedure.input(answerSchema).mutation(async ({ ctx, input }) => {
    await consume("write", ctx.account.accountId);
    await answerPetition(ctx.platformId, input.petitionId, input.text);
    return { ok: true as const };
  }),
});
