import "server-only";
import { readLimitedBody } from "~/server/http";

// A hot route is written once, as a PlainHandler: plain data in (the URL, the headers, a way to
// read the body up to a limit) and plain data out (status, headers, body text). Next serves it
// as a Request -> Response route handler (routeHandler below); src/scripts/serve.mjs calls it
// straight from Node's request (src/scripts/lib/hot-routes.mjs). A Request with a body and
// its Response cost about 0.15 ms of CPU a write on the 2-core benchmark machine (the Web
// streams behind their bodies, an AbortSignal, WebIDL conversions), which is what kept one
// process under 1,000 writes a second; the same handler without them answers the same bytes.

/** What a hot handler reads of a request. */
export type PlainRequest = {
  /** Absolute, as Request.url is. */
  url: string;
  headers: Headers;
  /** The body as text, or null past `limit` bytes (src/server/http.ts). "" when there is none. */
  readBody: (limit: number) => Promise<string | null>;
};

export type PlainAnswer = { status: number; headers: Record<string, string>; body: string };

export type PlainHandler = (req: PlainRequest) => Promise<PlainAnswer>;

/** A JSON answer, as Response.json would give it. */
export function jsonAnswer(data: unknown, status: number, headers: Record<string, string>): PlainAnswer {
  return { status, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(data) };
}

export type RouteHandler<H extends PlainHandler = PlainHandler> = ((req: Request) => Promise<Response>) & { plain: H };

/** The handler as Next's route module exports it, carrying the plain one for serve.mjs's hot map. */
export function routeHandler<H extends PlainHandler>(plain: H): RouteHandler<H> {
  async function handle(req: Request): Promise<Response> {
    const answer = await plain({ url: req.url, headers: req.headers, readBody: (limit) => readLimitedBody(req, limit) });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
  return Object.assign(handle, { plain });
}
