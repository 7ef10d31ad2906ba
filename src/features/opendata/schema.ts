import { z } from "zod";
import { submissionDocument } from "~/features/submissions/document";

// The open-data API's contract. Route handlers parse every response through these schemas, so
// a field that is not declared here is stripped before it leaves (a whitelist: no account id,
// nullifier, author or draft field can slip out by being selected by mistake), and
// /api/v1/openapi.json is generated from them, so the document cannot drift from the code.

/** Schemas with an id become components of the OpenAPI document and are referenced by it. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();
export const component = <T extends z.ZodType>(id: string, schema: T, description?: string) => {
  apiRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const count = z.number().int().nonnegative();
export const share = z.number().min(0).max(1);
export const link = z.string().regex(/^\//);
export const named = z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() });

export const errorBody = component(
  "Error",
  z.object({
    error: z.object({
      code: z.enum(["BAD_INPUT", "NOT_FOUND", "INTERNAL"]),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      incident: z.string().optional().describe("for INTERNAL: the id under which the error's code was logged"),
    }),
  }),
);

/** Lists are read page by page: pass `nextCursor` back as `cursor` until it is null. */
export const PAGE_LIMIT = { min: 1, max: 100, default: 50 } as const;
export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(PAGE_LIMIT.min).max(PAGE_LIMIT.max).default(PAGE_LIMIT.default),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

component("SubmissionDocument", submissionDocument, "The canonical document of a published version; its SHA-256 over the exact bytes served is the version's digest.");

// --- submissions -------------------------------------------------------------------------

export const partyStatus = z.enum(["COMPLETE", "OVERDUE", "PARTIAL", "AWAITING"]);

const party = component(
  "Party",
  z.object({
    kind: z.enum(["PLATFORM", "UNION"]),
    platform: named.nullable(),
    union: named.nullable(),
    firstAnsweredOn: date.nullable(),
    completedOn: date.nullable(),
    status: partyStatus.describe("COMPLETE: every item answered. OVERDUE: the response clock ran out first. PARTIAL / AWAITING: some / no answers, clock running."),
  }),
);

const versionMeta = component(
  "VersionMeta",
  z.object({ version: z.number().int().positive(), publishedOn: date, changelog: z.string().nullable(), digest: z.string().regex(/^[0-9a-f]{64}$/), document: link }),
);

export const submissionSummary = component(
  "SubmissionSummary",
  z.object({
    id: z.string(),
    campaign: z.object({ id: z.string(), title: z.string() }),
    union: named,
    firstPublishedOn: date,
    respondBy: date,
    responseDays: count,
    version: z.number().int().positive(),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    versions: z.array(versionMeta),
    parties: z.array(party),
    links: z.object({ self: link, page: link, answers: link, document: link }),
  }),
);
export const submissionList = component("SubmissionList", page(submissionSummary));

export const publishedVerdicts = component(
  "PublishedVerdicts",
  z.discriminatedUnion("shown", [
    z.object({ shown: z.literal(false) }),
    z.object({
      shown: z.literal(true),
      total: count,
      counts: z.object({ YES: count.nullable(), PARTLY: count.nullable(), NO: count.nullable() }),
      outcome: z.enum(["DONE", "NOT_DONE", "MIXED"]),
    }),
  ]),
  "Workers' verdicts: nothing below 5; counts of 1 to 4 (and whatever would reveal them) are null.",
);

const answerEntry = z.object({
  status: z.enum(["ACCEPTED", "PARTLY_ACCEPTED", "NEGOTIATING", "REJECTED"]),
  text: z.string(),
  dueOn: date.nullable(),
  answeredOn: date,
  verdictsOpenOn: date.nullable(),
  verdicts: publishedVerdicts,
});

export const submissionDetail = component(
  "SubmissionDetail",
  submissionSummary.extend({
    items: z.array(
      z.object({
        id: z.string(),
        rank: z.number().int().positive(),
        demandId: z.string(),
        title: z.string(),
        category: z.string(),
        answers: z.array(
          z.object({
            party: z.object({ kind: z.enum(["PLATFORM", "UNION"]), slug: z.string() }),
            current: answerEntry.nullable(),
            /** Every answer the party gave on this item, oldest first (the current one last). */
            history: z.array(answerEntry),
          }),
        ),
      }),
    ),
  }),
);

// --- campaigns ---------------------------------------------------------------------------

export const campaignSummary = component(
  "CampaignSummary",
  z.object({
    id: z.string(),
    title: z.string(),
    union: named,
    phase: z.enum(["PROPOSING", "VOTING", "CLOSED"]),
    phases: z.object({ proposingFrom: date, votingFrom: date, closesOn: date }),
    scope: z.object({ platforms: z.array(z.string()), sectors: z.array(z.string()), cities: z.array(z.string()) }),
    addressees: z.object({ platforms: z.array(z.string()), union: z.boolean(), government: z.string().nullable() }),
    verifiedOnly: z.boolean(),
    submissionId: z.string().nullable(),
    links: z.object({ self: link, page: link }),
  }),
);
export const campaignList = component("CampaignList", page(campaignSummary));

const resultRow = z.object({ demandId: z.string(), points: count.nullable(), firsts: count.nullable(), includes: count.nullable(), share: share.nullable() });
const results = component(
  "Results",
  z.discriminatedUnion("enough", [
    z.object({ enough: z.literal(false), ballots: z.null() }),
    z.object({
      enough: z.literal(true),
      ballots: count,
      rows: z.array(resultRow),
      breakdowns: z.array(
        z.object({
          dim: z.enum(["city", "platform", "sector"]),
          groups: z.array(z.object({ value: z.string(), ballots: count, rows: z.array(resultRow) })),
          hiddenGroups: count,
        }),
      ),
    }),
  ]),
  "The ranked tally: nothing below 5 ballots; groups and counts under 5 hidden with complementary suppression.",
);

const turnout = component(
  "Turnout",
  z.object({ ballotsAtLeast: count.nullable(), verifiedAtLeast: count.nullable(), step: z.literal(5) }),
  "While voting is open: ballots (and those of verified voters) rounded down to a multiple of 5, null below 5. It moves only after 5 more ballots; the tally itself is published once, at the close.",
);

export const campaignDetail = component(
  "CampaignDetail",
  campaignSummary.extend({
    description: z.string(),
    demands: z.array(z.object({ id: z.string(), number: z.number().int().positive(), title: z.string(), text: z.string(), category: z.string() })),
    /** Only while voting is open. */
    turnout: turnout.nullable(),
    /** The exact final tally: null until the campaign closes. */
    results: results.nullable(),
    /** Verified-only campaigns: the key their ballot tokens are signed with (RFC 9474) and the counts. */
    tokens: z
      .object({
        suite: z.literal("RSABSSA-SHA384-PSS-Randomized"),
        publicKey: z.string().describe("SubjectPublicKeyInfo (DER), base64url: verifies every token ballot's signature"),
        issued: count.nullable().describe("tokens issued to verified workers; null for fewer than 5"),
        spent: count.nullable().describe("ballots cast with a token; null for fewer than 5"),
      })
      .nullable(),
  }),
);

// --- petitions ---------------------------------------------------------------------------

const group = z.object({ value: z.string(), count });

export const petitionSummary = component(
  "PetitionSummary",
  z.object({
    id: z.string(),
    shortCode: z.string(),
    title: z.string(),
    ask: z.string(),
    target: z.object({ kind: z.enum(["PLATFORM", "UNION", "OTHER"]), platform: named.nullable(), union: named.nullable(), name: z.string().nullable() }),
    campaignId: z.string().nullable(),
    phase: z.enum(["OPEN", "CLOSED"]),
    publishedOn: date,
    closesOn: date,
    threshold: count,
    thresholdReachedOn: date.nullable(),
    /** Null while fewer than 5 have signed. */
    signatures: count.nullable(),
    response: z.object({ text: z.string(), respondedOn: date }).nullable(),
    delivered: z.object({ to: z.string(), on: date }).nullable(),
    links: z.object({ self: link, page: link }),
  }),
);
export const petitionList = component("PetitionList", page(petitionSummary));

export const petitionDetail = component(
  "PetitionDetail",
  petitionSummary.extend({
    reason: z.string(),
    milestones: z.array(z.object({ signatures: count, reachedOn: date })),
    breakdowns: z.object({ city: z.array(group), platform: z.array(group), sector: z.array(group) }).describe("Groups under 5 signers are hidden, with complementary suppression."),
  }),
);

// --- platform records --------------------------------------------------------------------

export const platformRecordSummary = component(
  "PlatformRecordSummary",
  z.object({
    platform: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string(), sector: z.string() }),
    responses: z.object({
      addressed: count,
      answered: count,
      answeredOnTime: count,
      overdue: count,
      responseRate: share.nullable(),
      onTimeRate: share.nullable(),
      medianDaysToFirstAnswer: z.number().nonnegative().nullable(),
    }),
    commitments: z.object({ total: count, judged: count, confirmedDone: count, confirmedShare: share.nullable() }),
    links: z.object({ self: link, page: link }),
  }),
);
export const platformRecordList = component("PlatformRecordList", z.object({ data: z.array(platformRecordSummary) }));

export const platformRecord = component(
  "PlatformRecord",
  platformRecordSummary.extend({
    submissions: z.array(
      z.object({
        id: z.string(),
        campaign: z.object({ id: z.string(), title: z.string() }),
        union: named,
        version: z.number().int().positive(),
        firstPublishedOn: date,
        respondBy: date,
        firstAnsweredOn: date.nullable(),
        completedOn: date.nullable(),
        status: partyStatus,
        items: count,
        answeredItems: count,
        commitments: count,
        links: z.object({ self: link, page: link, answers: link }),
      }),
    ),
    nextCursor: z.string().nullable().describe("the next page of submissions: pass it back as cursor; null on the last"),
    awaitingPetitions: z.array(z.object({ id: z.string(), title: z.string(), signatures: count.nullable(), thresholdReachedOn: date.nullable(), links: z.object({ self: link, page: link }) })),
  }),
);
