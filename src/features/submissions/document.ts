import { z } from "zod";
import { PRINCIPLES } from "~/features/scorecard/method";

// The canonical document of a published submission version (issue 6). This schema is public:
// /api/v1/openapi.json describes it and anyone can check an export against the digest on the
// page. Everything in it has already passed PRIVACY.md P4 (k=5 counts, k=10 quotes): a value
// hidden by suppression is null, a hidden breakdown group is absent and counted in
// `hiddenGroups`. Dates are "YYYY-MM-DD", months "YYYY-MM"; shares are fractions 0..1 rounded
// to 4 decimals. Never add a field that identifies a worker or an account.

export const DOCUMENT_SCHEMA = "worker-voice/submission/1";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const named = z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }).strict();

const tallyRow = z
  .object({ demandId: z.string(), points: count.nullable(), firsts: count.nullable(), includes: count.nullable(), share: share.nullable() })
  .strict();

const figures = z
  .object({
    n: count,
    noContract: share.nullable(),
    noSocialInjury: share.nullable(),
    pension: z.record(z.string(), share.nullable()),
    residentLowest: share.nullable(),
    over8h: share.nullable(),
    over6d: share.nullable(),
    accident: share.nullable(),
    deactivated: share.nullable(),
    health: z.record(z.string(), share.nullable()),
    medianHours: z.number().nullable(),
    medianHourly: z.number().nullable(),
  })
  .strict();

const point = z
  .object({
    threshold: z.string(),
    status: z.enum(["awarded", "not_met", "needs_basic", "not_enough_reports", "no_minimum_wage", "no_living_wage"]),
  })
  .strict();

/**
 * An addressed platform's fair-work scorecard (issue 16) as it stood on the day of publication:
 * its last four sealed quarters, the method version that scored them, and per principle its
 * points (null: not enough reports) with the status of the basic and the advanced point.
 */
const scorecard = z
  .object({
    platform: named,
    methodVersion: z.string(),
    quarters: z.array(z.string().regex(/^\d{4}-Q[1-4]$/)),
    reports: count,
    verifiedShare: share.nullable(),
    total: z.number().int().min(0).max(10).nullable(),
    principles: z.array(z.object({ principle: z.enum(PRINCIPLES), points: z.number().int().min(0).max(2).nullable(), basic: point, advanced: point }).strict()),
  })
  .strict();
export type DocumentScorecard = z.infer<typeof scorecard>;

export const submissionDocument = z
  .object({
    schema: z.literal(DOCUMENT_SCHEMA),
    submission: z
      .object({
        id: z.string(),
        version: z.number().int().positive(),
        publishedOn: date,
        /** Required from version 2 on: what this version corrects. */
        changelog: z.string().nullable(),
        /** Digest of the version this one replaces, chaining the versions. */
        previousDigest: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
        respondBy: date,
      })
      .strict(),
    campaign: z
      .object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        union: named,
        scope: z.object({ platforms: z.array(z.string()), sectors: z.array(z.string()), cities: z.array(z.string()) }).strict(),
        addressees: z.object({ platforms: z.array(named), union: z.boolean(), government: z.string().nullable() }).strict(),
        phases: z.object({ proposingFrom: date, votingFrom: date, closesOn: date }).strict(),
        verifiedOnly: z.boolean(),
      })
      .strict(),
    coverLetter: z.string(),
    method: z
      .object({
        /** Who could take part, how ballots were counted and how ties were broken, in both languages. */
        eligibility: z.object({ zh: z.string(), en: z.string() }).strict(),
        counting: z.object({ zh: z.string(), en: z.string() }).strict(),
        tieBreak: z.object({ zh: z.string(), en: z.string() }).strict(),
        /** Which participation was counted (all accounts or verified only); documents compiled since issue 13. */
        counted: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
        k: z.literal(5),
        kQuotes: z.literal(10),
      })
      .strict(),
    participation: z
      .object({
        /** null below k (then no tally is published either). */
        ballots: count.nullable(),
        verifiedShare: share.nullable(),
        demandsProposed: count,
        demandsApproved: count,
      })
      .strict(),
    demands: z.array(
      z
        .object({
          rank: z.number().int().positive(),
          demandId: z.string(),
          number: z.number().int().positive(),
          title: z.string(),
          text: z.string(),
          category: z.string(),
          points: count.nullable(),
          firsts: count.nullable(),
          includes: count.nullable(),
          share: share.nullable(),
        })
        .strict(),
    ),
    breakdowns: z.array(
      z
        .object({
          dim: z.enum(["city", "platform", "sector"]),
          groups: z.array(z.object({ value: z.string(), ballots: count, rows: z.array(tallyRow) }).strict()),
          hiddenGroups: count,
        })
        .strict(),
    ),
    petitions: z.array(
      z
        .object({
          id: z.string(),
          shortCode: z.string(),
          title: z.string(),
          ask: z.string(),
          /** null below k. */
          signatures: count.nullable(),
          threshold: count,
          thresholdReachedOn: date.nullable(),
          closesOn: date.nullable(),
          /** Since issue 13: only verified workers could sign, and the share of signatures from them. */
          verifiedOnly: z.boolean().optional(),
          verifiedShare: share.nullable().optional(),
        })
        .strict(),
    ),
    /** Condition reports in the campaign's scope and period; null when none may be shown. */
    conditions: z
      .object({
        period: z.object({ from: month, to: month }).strict(),
        reports: count,
        figures,
        breakdowns: z.array(
          z
            .object({
              dim: z.enum(["platform", "city", "sector"]),
              groups: z.array(z.object({ key: z.string(), figures }).strict()),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable(),
    /** Approved narrative quotes from groups of at least 10 reports, coarse month, shuffled. */
    quotes: z.array(z.object({ text: z.string(), month }).strict()),
    /** Present only when the organiser included the scorecards (documents compiled since issue 16). */
    scorecards: z.array(scorecard).optional(),
  })
  .strict();

export type SubmissionDocument = z.infer<typeof submissionDocument>;
