import { z } from "zod";
import { METHOD_VERSION, PRINCIPLES } from "~/features/scorecard/method";
import { component, count, link, named, share } from "~/features/opendata/schema";

// The scorecard in the open-data API (issue 16): what readPlatformScorecard and readLeagueTable
// give (src/features/scorecard/types.ts), without internal ids. Registered as components of
// /api/v1/openapi.json like every other response schema.

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
const status = z
  .enum(["awarded", "not_met", "needs_basic", "not_enough_reports", "no_minimum_wage", "no_living_wage"])
  .describe("not_enough_reports / no_minimum_wage / no_living_wage: the point is neither awarded nor refused for lack of evidence");
const point = z.object({ threshold: z.string(), status });
const principle = z.object({ points: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable().describe("null: not enough evidence to score"), basic: point, advanced: point });

export const scorecardCard = component(
  "Scorecard",
  z.object({
    methodVersion: z.string().describe(`the scoring method that made it (now ${METHOD_VERSION}, see the methodology page)`),
    total: z.number().int().min(0).max(10).nullable().describe("0 to 10; null while any principle lacks the evidence to be scored"),
    principles: z.object(Object.fromEntries(PRINCIPLES.map((p) => [p, principle])) as Record<(typeof PRINCIPLES)[number], typeof principle>),
  }),
);

export const scopeScore = component(
  "ScopeScore",
  z.object({
    city: z.string().nullable().describe("null with sector null: the whole platform"),
    sector: z.string().nullable(),
    quarters: z.array(quarter).describe("the sealed quarters scored together, newest first"),
    card: scorecardCard,
    reports: count.describe("reports behind the score: sealed cells of 5 or more reports each"),
    verifiedShare: share.nullable().describe("share of those reports by workers a union verified in person; null where either part would be 1 to 4 reports"),
  }),
);

export const scorecardDetail = component(
  "PlatformScorecard",
  z.object({
    platform: named,
    overall: scopeScore,
    scopes: z.array(scopeScore).describe("city x sector over the same quarters, largest first"),
    history: z.array(z.object({ quarter, card: scorecardCard, reports: count })).describe("one score per sealed quarter, oldest first"),
    links: z.object({ self: link, page: link, league: link }),
  }),
);

export const leagueTable = component(
  "LeagueTable",
  z.object({
    methodVersion: z.string(),
    data: z.array(z.object({ platform: named, overall: scopeScore, links: z.object({ self: link, page: link }) })).describe("highest total first; unscored platforms last, by slug"),
  }),
);
