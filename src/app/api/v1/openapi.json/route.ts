import { buildOpenApiDocument } from "~/features/opendata/openapi";
import { apiHeaders } from "~/features/opendata/respond";

let document: string | undefined;

export function GET() {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, { headers: apiHeaders({ "Content-Type": "application/json; charset=utf-8" }) });
}
