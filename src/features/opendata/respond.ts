import "server-only";
import { z } from "zod";
import { AppError } from "~/lib/app-error";
import { reportIncident } from "~/server/log";
import enErrors from "~/i18n/messages/en/errors.json";
import { errorBody } from "~/features/opendata/schema";

// One way for every /api/v1 route to answer: JSON parsed through its declared schema, CORS
// open (the data is public and read-only; no cookie is read), a short public cache for data,
// none for errors, and a CSP that lets a browser render nothing from it.

const BASE_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "X-Submission-Digest, Repr-Digest",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
} as const;
export const PUBLIC_CACHE = "public, max-age=60";
/** A published version never changes. */
export const IMMUTABLE_CACHE = "public, max-age=86400, immutable";

type ApiErrorCode = z.infer<typeof errorBody>["error"]["code"];
const STATUS: Record<ApiErrorCode, number> = { BAD_INPUT: 400, NOT_FOUND: 404, INTERNAL: 500 };

export function apiHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ ...BASE_HEADERS, "Cache-Control": PUBLIC_CACHE, ...extra });
}

/** The body is parsed by its schema: undeclared fields are stripped, a wrong shape is a bug (500). */
export function ok<T extends z.ZodType>(schema: T, data: z.input<T>): Response {
  return Response.json(schema.parse(data), { headers: apiHeaders() });
}

export function fail(code: ApiErrorCode, issues?: { path: string; message: string }[], incident?: string): Response {
  const body = errorBody.parse({ error: { code, message: enErrors[code], ...(issues ? { issues } : {}), ...(incident ? { incident } : {}) } });
  return Response.json(body, { status: STATUS[code], headers: apiHeaders({ "Cache-Control": "no-store" }) });
}

/** Query parameters checked by a strict schema: unknown or malformed ones are a 400 with the issues. */
export function parseQuery<T extends z.ZodType>(schema: T, request: Request): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new BadQuery(parsed.error.issues.map((i) => ({ path: i.path.join(".") || String((i as { keys?: string[] }).keys ?? ""), message: i.message })));
  return parsed.data;
}

export class BadQuery extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super("bad query");
  }
}

/** Runs a handler and turns the errors it may throw into the API's error JSON. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BadQuery) return fail("BAD_INPUT", err.issues);
    if (err instanceof AppError && err.code === "NOT_FOUND") return fail("NOT_FOUND");
    if (err instanceof AppError && err.code === "BAD_INPUT") return fail("BAD_INPUT", [{ path: "", message: err.message }]);
    return fail("INTERNAL", undefined, reportIncident("api/v1", err));
  }
}

/** Ids in paths: anything that cannot be one of ours is simply not found. */
export function publicId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new AppError("NOT_FOUND");
  return id;
}

export function publicSlug(slug: string): string {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) throw new AppError("NOT_FOUND");
  return slug;
}
