import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "~/server/db";
import { submissionDocument } from "~/features/submissions/document";
import { makeCampaign } from "~/test/campaign-factories";
import { apiRoutes, callApi, templateOf, type Loose } from "~/test/api-client";
import { omit } from "~/lib/omit";
import { answer, makePlatformRow, makeSubmission, type MadeSubmission, type Named } from "~/test/opendata-factories";
import { publishedPetition } from "~/test/petition-factories";
import { submitReport } from "~/features/reports/mutations";
import { validReport } from "~/test/report-input";
import { uid } from "~/test/factories";

// The OpenAPI document is a valid 3.1 document, describes exactly the routes that exist, and
// every route answers with a status it declares and a body its declared schema accepts.

type Op = { parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, { schema: object }> }> };
type Doc = { openapi: string; paths: Record<string, { get: Op }>; components: { schemas: Record<string, object> } };

let doc: Doc;
let ajv: Ajv2020;
let platform: Named;
let sub: MadeSubmission;
let campaignId: string;
let petitionId: string;

const schemaFor = (ref: string) => ajv.compile({ $ref: `openapi.json${ref}` });

beforeAll(async () => {
  platform = await makePlatformRow(db);
  sub = await makeSubmission(db, { platforms: [platform], targetsUnion: true, versions: 2 });
  await answer(db, { itemId: sub.items[0]!.id, partyId: sub.parties[platform.id]!, status: "ACCEPTED", dueOn: "2026-03-01", answeredOn: "2026-01-10" });
  campaignId = (await makeCampaign({ demands: 2, phase: "CLOSED" })).campaignId;
  petitionId = (await publishedPetition({ platformId: platform.id })).id;
  // Sealed reports (2026-Q3 is sealed from 2026-10 on), so the scorecard has a scope to show.
  for (let i = 0; i < 6; i++) {
    await submitReport({ accountId: `acct-${uid()}`, input: validReport({ platformSlug: platform.slug, month: "2026-08", city: "beijing" }), today: new Date("2026-08-20T00:00:00Z") });
  }
  const res = await callApi("/api/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = res.json() as Doc;
  // The document's components are JSON Schema 2020-12; refs point inside the document.
  ajv = new Ajv2020({ allErrors: true, strictSchema: false });
  ajv.addSchema(doc, "openapi.json");
});

const EXISTING: Record<string, () => string> = {
  "/api/v1/submissions/{id}": () => sub.submissionId,
  "/api/v1/submissions/{id}/versions/{version}": () => sub.submissionId,
  "/api/v1/campaigns/{id}": () => campaignId,
  "/api/v1/petitions/{id}": () => petitionId,
  "/api/v1/platforms/{slug}": () => platform.slug,
};
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));

describe("/api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every route under /api/v1, and no route that does not exist", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(apiRoutes.map(templateOf).sort());
  });

  it("generates the submission document schema from document.ts, and it rejects what the zod schema rejects", async () => {
    const generated = z.toJSONSchema(submissionDocument) as Record<string, unknown>;
    delete generated.$schema;
    expect(doc.components.schemas.SubmissionDocument).toMatchObject(generated);
    const validate = schemaFor("#/components/schemas/SubmissionDocument");
    const stored = JSON.parse(sub.versions[0]!.document) as Loose;
    expect(validate(stored), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...stored, accountId: "x" })).toBe(false);
    expect(validate({ ...stored, method: { ...stored.method, k: 3 } })).toBe(false);
    expect(validate(omit(stored, ["coverLetter"]))).toBe(false);
  });

  it("answers every documented path with 200 and a body its declared schema accepts", async () => {
    for (const [template, item] of Object.entries(doc.paths)) {
      const url = fill(template, { id: EXISTING[template]?.() ?? "", version: "2", slug: platform.slug });
      const res = await callApi(url);
      expect(res.status, url).toBe(200);
      const declared = item.get.responses["200"]!;
      const schema = declared.content!["application/json"]!.schema;
      const validate = schema.$ref ? schemaFor(schema.$ref) : ajv.compile(schema);
      expect(validate(res.json()), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const [name, header] of Object.entries(declared.headers ?? {})) {
        expect(ajv.validate(header.schema, res.headers.get(name)), `${url} header ${name}`).toBe(true);
      }
    }
  });

  it("answers unknown ids with a declared 404 and bad parameters with a declared 400, both as Error", async () => {
    const validateError = schemaFor("#/components/schemas/Error");
    for (const [template, item] of Object.entries(doc.paths)) {
      const declared = Object.keys(item.get.responses);
      const cases: [string, number][] = [];
      if (declared.includes("404")) cases.push([fill(template, { id: "does-not-exist", version: "1", slug: "no-such-platform" }), 404]);
      if (item.get.parameters.some((p) => p.name === "limit")) cases.push([`${template}?limit=0`, 400]);
      if (item.get.parameters.some((p) => p.name === "version")) cases.push([fill(template, { id: sub.submissionId, version: "first" }), 400]);
      for (const [url, status] of cases) {
        expect(declared, `${template} declares ${status}`).toContain(String(status));
        const res = await callApi(url);
        expect(res.status, url).toBe(status);
        expect(validateError(res.json()), `${url}: ${JSON.stringify(validateError.errors)}`).toBe(true);
      }
    }
  });
});
