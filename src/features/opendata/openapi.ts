import { z } from "zod";
import { apiRegistry, PAGE_LIMIT } from "~/features/opendata/schema";
// Registers the scorecard's components in apiRegistry.
import "~/features/opendata/scorecards/schema";

// /api/v1/openapi.json: the paths are written here, every schema is generated from the zod
// schemas the routes answer through (and the submission document's own schema), so the
// document describes exactly what the code sends.

type Op = { summary: string; description?: string; params?: object[]; list?: boolean; ok: object; notFound?: boolean; badInput?: boolean };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const LIST_PARAMS = [
  { name: "limit", in: "query", required: false, description: "Rows per page.", schema: { type: "integer", minimum: PAGE_LIMIT.min, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default } },
  { name: "cursor", in: "query", required: false, description: "The previous page's nextCursor.", schema: { type: "string", maxLength: 200 } },
];

function get(id: string, op: Op) {
  return {
    get: {
      operationId: id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: [...(op.params ?? []), ...(op.list ? LIST_PARAMS : [])],
      responses: {
        "200": op.ok,
        ...(op.badInput || op.list ? { "400": jsonBody("A malformed parameter; `issues` says which.", ref("Error")) } : {}),
        ...(op.notFound ? { "404": jsonBody("No such public record (drafts and unpublished records are not found either).", ref("Error")) } : {}),
      },
    },
  };
}

function componentSchemas() {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}` });
  // Components sit inside the OpenAPI document (whose dialect is 2020-12): no $schema or $id of their own.
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$schema" && k !== "$id"))]));
}

const id = pathParam("id", "The record's id.");
const DIGEST_HEADER = { description: "SHA-256 (lowercase hex) of the exact bytes of the body: the version's digest.", schema: { type: "string", pattern: "^[0-9a-f]{64}$" } };

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Worker Voice open data",
      version: "1.0.0",
      description:
        "Read-only public data: published submissions and the parties' answers, public campaign data, petition counts, platform records and fair-work scorecards. " +
        "Nothing from drafts; no figure about fewer than 5 workers; no account identifiers. Dates are days (YYYY-MM-DD); shares are fractions 0..1.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/submissions": get("listSubmissions", { summary: "Published submissions, newest first", list: true, ok: jsonBody("A page of submissions.", ref("SubmissionList")) }),
      "/api/v1/submissions/{id}": get("getSubmission", {
        summary: "A published submission: latest version, and each item's answers per party with workers' verdicts",
        params: [id],
        notFound: true,
        ok: jsonBody("The submission.", ref("SubmissionDetail")),
      }),
      "/api/v1/submissions/{id}/versions/{version}": {
        get: {
          operationId: "getSubmissionVersion",
          summary: "A published version's canonical document, byte for byte",
          description: "RFC 8785 canonical JSON. sha256 of the body equals the digest on the submission's page and in X-Submission-Digest.",
          parameters: [id, { name: "version", in: "path", required: true, description: "Version number, from 1.", schema: { type: "integer", minimum: 1 } }],
          responses: {
            "200": { ...jsonBody("The canonical document.", ref("SubmissionDocument")), headers: { "X-Submission-Digest": DIGEST_HEADER } },
            "400": jsonBody("The version is not a whole number from 1.", ref("Error")),
            "404": jsonBody("No such published version.", ref("Error")),
          },
        },
      },
      "/api/v1/campaigns": get("listCampaigns", { summary: "Campaigns, latest closing first", list: true, ok: jsonBody("A page of campaigns.", ref("CampaignList")) }),
      "/api/v1/campaigns/{id}": get("getCampaign", {
        summary: "A campaign: scope, phases, approved demands, the turnout in steps of 5 while voting, and the final tally once closed",
        params: [id],
        notFound: true,
        ok: jsonBody("The campaign.", ref("CampaignDetail")),
      }),
      "/api/v1/petitions": get("listPetitions", { summary: "Published petitions, newest first", list: true, ok: jsonBody("A page of petitions.", ref("PetitionList")) }),
      "/api/v1/petitions/{id}": get("getPetition", { summary: "A published petition with its signature counts", params: [id], notFound: true, ok: jsonBody("The petition.", ref("PetitionDetail")) }),
      "/api/v1/platforms": get("listPlatforms", { summary: "Every platform's record", ok: jsonBody("All platform records.", ref("PlatformRecordList")) }),
      "/api/v1/platforms/{slug}": get("getPlatform", {
        summary: "A platform's record with its submissions and the petitions awaiting its answer",
        description: "`submissions` is one page, newest first: pass `nextCursor` back as `cursor` until it is null.",
        params: [pathParam("slug", "The platform's slug.")],
        list: true,
        notFound: true,
        ok: jsonBody("The platform record.", ref("PlatformRecord")),
      }),
      "/api/v1/scorecards": get("getLeagueTable", {
        summary: "The league table: every platform's fair-work score over the last four sealed quarters",
        description: "Scores come from sealed quarters only (they change when a quarter is sealed, not when one worker reports); each says the method version that made it.",
        ok: jsonBody("The league table.", ref("LeagueTable")),
      }),
      "/api/v1/scorecards/{slug}": get("getScorecard", {
        summary: "A platform's scorecard: overall, per city and sector, and one score per sealed quarter",
        params: [pathParam("slug", "The platform's slug.")],
        notFound: true,
        ok: jsonBody("The scorecard.", ref("PlatformScorecard")),
      }),
      "/api/v1/openapi.json": get("getOpenApi", { summary: "This document", ok: jsonBody("OpenAPI 3.1 document.", { type: "object" }) }),
    },
    components: { schemas: componentSchemas() },
  };
}
