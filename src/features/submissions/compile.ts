import "server-only";
import { ballotCounts, getCampaignFigures } from "~/features/ballots/data";
import type { Results } from "~/features/ballots/results";
import { monthKey, statsPeriod } from "~/features/reports/months";
import type { Breakdown } from "~/features/stats/data";
import { computeScopedConditions } from "~/features/stats/scoped";
import { DOCUMENT_SCHEMA, type SubmissionDocument } from "~/features/submissions/document";
import { readPlatformScorecard } from "~/features/scorecard/data";
import { toDocumentScorecard } from "~/features/submissions/scorecard";
import { getDraftState, getScopedQuotes, getUnionCampaignPhase, loadCompileInputs } from "~/features/submissions/data";
import { methodTexts } from "~/features/submissions/method";
import { addDays, changelogRequired, isoDay, round4 } from "~/features/submissions/policy";
import { verifiedShare } from "~/features/verification/credibility";
import { AppError } from "~/lib/app-error";
import type { CityCode } from "~/lib/taxonomy";

// Builds the canonical document of a closed campaign. Every figure comes from a function that
// has already applied PRIVACY.md P4 (the final tally through getCampaignFigures, petition
// counters through publicTotal, condition statistics and quotes as sums of shown cells of the
// sealed lattice, src/features/stats/lattice/data.ts): nothing here counts workers itself, and ballots are never scanned for the tally.

export type DocumentBody = Omit<SubmissionDocument, "submission" | "coverLetter">;
export type DocumentHeader = SubmissionDocument["submission"] & { coverLetter: string };

type Inputs = Awaited<ReturnType<typeof loadCompileInputs>>;

async function conditionsFor(inputs: Inputs, today: Date): Promise<Pick<DocumentBody, "conditions" | "quotes">> {
  const { campaign } = inputs;
  const scope = {
    platformSlugs: campaign.scopePlatformSlugs,
    sectors: campaign.scopeSectors,
    // Checked against the city list when the campaign was saved.
    cities: campaign.scopeCities as CityCode[],
    from: monthKey(campaign.proposingFrom),
    to: monthKey(campaign.closesOn),
  };
  // Only whole sealed quarters are counted (computeScopedConditions widens the period to them).
  // The platforms read with the inputs serve both (one read of the table per compile).
  const stats = await computeScopedConditions(scope, today, inputs.platforms);
  if (!stats.period || !stats.total || stats.reports === null) return { conditions: null, quotes: [] };
  const wanted = new Set(scope.platformSlugs);
  const platformIds = inputs.platforms.filter((p) => wanted.has(p.slug)).map((p) => p.id);
  const quotes = await getScopedQuotes({ ...scope, platformIds, quarters: stats.quarters }, today);
  const group = (rows: Breakdown) => rows.map((r) => ({ key: r.key, figures: r.figures }));
  return {
    conditions: {
      period: stats.period,
      reports: stats.reports,
      figures: stats.total,
      breakdowns: [
        { dim: "platform", groups: group(stats.breakdowns.platform) },
        { dim: "city", groups: group(stats.breakdowns.city) },
        { dim: "sector", groups: group(stats.breakdowns.sector) },
      ],
    },
    quotes,
  };
}

function demandsFor(inputs: Inputs, results: Results): Pick<DocumentBody, "demands" | "breakdowns"> {
  const byId = new Map(inputs.demands.map((d) => [d.id, d]));
  const describe = (d: Inputs["demands"][number]) => ({ demandId: d.id, number: d.number, title: d.title, text: d.text, category: d.category });
  if (!results.enough) {
    // Too few ballots for any tally: the demands in their order of proposal, without figures.
    return { demands: inputs.demands.map((d, i) => ({ rank: i + 1, ...describe(d), points: null, firsts: null, includes: null, share: null })), breakdowns: [] };
  }
  return {
    demands: results.rows.map((r, i) => ({
      rank: i + 1,
      ...describe(byId.get(r.demandId)!),
      points: r.points,
      firsts: r.firsts,
      includes: r.includes,
      share: r.share === null ? null : round4(r.share),
    })),
    breakdowns: results.breakdowns.map((b) => ({
      dim: b.dim,
      hiddenGroups: b.hiddenGroups,
      groups: b.groups.map((g) => ({ value: g.value, ballots: g.ballots, rows: g.rows.map((r) => ({ ...r, share: r.share === null ? null : round4(r.share) })) })),
    })),
  };
}

/**
 * The addressed platforms' scorecards as they stand today (sums of sealed cells, so the same all
 * quarter long); they enter the document, and so its digest, like every other figure.
 */
async function scorecardsFor(inputs: Inputs, today: Date): Promise<Pick<DocumentBody, "scorecards">> {
  const cards = await Promise.all(inputs.campaign.targetPlatformSlugs.map((slug) => readPlatformScorecard(slug, isoDay(today))));
  return { scorecards: cards.flatMap((c) => (c ? [toDocumentScorecard(c)] : [])) };
}

export type CompileOptions = { /** Include the addressed platforms' scorecards (the organiser's choice in the draft). */ scorecards?: boolean };

/** The body of the document: everything but the version header and the cover letter. */
export async function compileBody(campaignId: string, today: Date, options: CompileOptions = {}): Promise<{ body: DocumentBody; inputs: Inputs }> {
  const inputs = await loadCompileInputs(campaignId);
  const { campaign, platforms, petitions } = inputs;
  const [figures, counts, conditions, scorecards] = await Promise.all([
    getCampaignFigures(campaignId),
    ballotCounts(campaignId),
    conditionsFor(inputs, today),
    options.scorecards ? scorecardsFor(inputs, today) : {},
  ]);
  // Only a closed campaign has a tally to publish: before, the figures are the stepped turnout.
  if (!figures.final) throw new AppError("CAMPAIGN_NOT_CLOSED");
  const { results } = figures;
  const bySlug = new Map(platforms.map((p) => [p.slug, p]));
  const named = (slug: string) => {
    const p = bySlug.get(slug);
    return { slug, nameZh: p?.nameZh ?? slug, nameEn: p?.nameEn ?? slug };
  };
  const dates = { proposingFrom: isoDay(campaign.proposingFrom), votingFrom: isoDay(campaign.votingFrom), closesOn: isoDay(campaign.closesOn) };
  const body: DocumentBody = {
    schema: DOCUMENT_SCHEMA,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      description: campaign.description,
      union: campaign.union,
      scope: { platforms: campaign.scopePlatformSlugs, sectors: campaign.scopeSectors, cities: campaign.scopeCities },
      addressees: { platforms: campaign.targetPlatformSlugs.map(named), union: campaign.targetsUnion, government: campaign.targetGovernment || null },
      phases: dates,
      verifiedOnly: campaign.verifiedOnly,
    },
    method: {
      ...methodTexts({
        scopePlatforms: campaign.scopePlatformSlugs.map(named),
        scopeSectors: campaign.scopeSectors,
        scopeCities: campaign.scopeCities,
        verifiedOnly: campaign.verifiedOnly,
        ...dates,
      }),
      k: 5,
      kQuotes: 10,
    },
    participation: {
      ballots: results.ballots,
      verifiedShare: results.enough ? verifiedShare(results.ballots, counts.verified) : null,
      demandsProposed: inputs.proposed,
      demandsApproved: inputs.demands.length,
    },
    ...demandsFor(inputs, results),
    petitions: petitions.map((p) => ({
      id: p.id,
      shortCode: p.shortCode,
      title: p.title,
      ask: p.ask,
      signatures: p.signatures,
      threshold: p.threshold,
      thresholdReachedOn: p.thresholdReachedOn ? isoDay(p.thresholdReachedOn) : null,
      closesOn: p.closesOn ? isoDay(p.closesOn) : null,
      verifiedOnly: p.verifiedOnly,
      verifiedShare: p.verifiedShare,
    })),
    ...conditions,
    ...scorecards,
  };
  return { body, inputs };
}

/** Body plus header, in the schema's key order (the canonical form sorts keys anyway). */
export function assembleDocument(body: DocumentBody, header: DocumentHeader): SubmissionDocument {
  const { coverLetter, ...submission } = header;
  return { schema: body.schema, submission, campaign: body.campaign, coverLetter, method: body.method, participation: body.participation, demands: body.demands, breakdowns: body.breakdowns, petitions: body.petitions, conditions: body.conditions, quotes: body.quotes, ...(body.scorecards ? { scorecards: body.scorecards } : {}) };
}

/**
 * The compiled body of a closed campaign for the organiser's preview, kept per campaign and
 * closed statistics period (what `today` changes in it): its tally is final and its months are
 * closed, so only the linked petitions' released counts can move, and they are at most
 * PREVIEW_TTL_MS old here. Publishing compiles afresh (publishSubmission).
 */
const PREVIEW_TTL_MS = 60_000;
const previewBodies = new Map<string, { at: number; body: Promise<DocumentBody> }>();
function previewBody(campaignId: string, today: Date, options: CompileOptions): Promise<DocumentBody> {
  const key = `${campaignId}|${statsPeriod(today).to.toISOString()}|${options.scorecards ? "scorecards" : ""}`;
  const now = Date.now();
  const kept = previewBodies.get(key);
  if (kept && now - kept.at < PREVIEW_TTL_MS) return kept.body;
  const body = compileBody(campaignId, today, options).then((r) => r.body);
  body.catch(() => previewBodies.delete(key));
  if (previewBodies.size >= 200) previewBodies.clear();
  previewBodies.set(key, { at: now, body });
  return body;
}

/**
 * The organiser's live preview: the document exactly as publishing it today would store it, or
 * with `options.scorecards` set, with the scorecards whatever the draft chose.
 */
export async function previewSubmission(unionId: string, campaignId: string, today: Date, options: CompileOptions = {}): Promise<SubmissionDocument> {
  const phase = await getUnionCampaignPhase(unionId, campaignId);
  if (phase !== "CLOSED") throw new AppError("CAMPAIGN_NOT_CLOSED");
  const { submission, previousDigest } = await getDraftState(campaignId);
  const body = await previewBody(campaignId, today, { scorecards: options.scorecards ?? submission?.draftScorecard ?? false });
  const version = (submission?.currentVersion ?? 0) + 1;
  return assembleDocument(body, {
    id: submission?.id ?? "",
    version,
    publishedOn: isoDay(today),
    changelog: changelogRequired(version) ? submission?.draftChangelog || null : null,
    previousDigest,
    respondBy: isoDay(submission?.respondBy ?? addDays(today, submission?.responseDays ?? 30)),
    coverLetter: submission?.draftCoverLetter ?? "",
  });
}
