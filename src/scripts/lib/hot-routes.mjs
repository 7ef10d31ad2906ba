import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// serve.mjs answers the hot writes (src/server/api/hot-routes.ts) from their own bundle,
// .hot/handlers.mjs, made by the build beside Next's (src/scripts/lib/hot-build.mjs): nothing
// here reaches into .next. Only POST is answered from it; every other method on those paths,
// and every other path, goes to Next.

/** Past this a body is not read further: the routes' own limit (src/server/http.ts) is lower. */
const BODY_CAP = 1024 * 1024;

/** path -> POST handler, from the bundle; refuses to start without it rather than quietly falling back. */
export async function loadHotRoutes(root) {
  const file = path.join(root, ".hot", "handlers.mjs");
  if (!existsSync(file)) throw new Error(`serve.mjs: ${path.relative(root, file)} is missing; run \`npm run build\` (it bundles the hot write routes after \`next build\`).`);
  const { hotRoutes } = await import(pathToFileURL(file).href);
  const routes = new Map();
  for (const [route, post] of Object.entries(hotRoutes ?? {})) {
    if (typeof post !== "function") throw new Error(`serve.mjs: the hot route ${route} in ${file} is not a handler`);
    routes.set(route, post);
  }
  if (routes.size === 0) throw new Error(`serve.mjs: ${file} holds no hot routes`);
  return routes;
}

/** Reads the body, at most BODY_CAP bytes (+1, so the route sees it is too large). */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > BODY_CAP) {
        req.off("data", onData);
        req.pause();
        resolve({ body: Buffer.concat(chunks).subarray(0, BODY_CAP + 1), complete: false });
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve({ body: Buffer.concat(chunks), complete: true }));
    req.once("error", reject);
  });
}

/**
 * Answers one request with a hot route's handler: node request -> Request, Response -> node
 * response with the site's security headers. `onError(error)` logs what escaped the handler and
 * returns the incident id.
 */
export async function serveHotRoute(post, req, res, { securityHeaders, onError }) {
  try {
    // As Next does for its handlers (the address is already set, by the edge in serve.mjs).
    req.headers["x-forwarded-host"] ??= req.headers.host;
    req.headers["x-forwarded-proto"] ??= req.socket.encrypted ? "https" : "http";
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const { body, complete } = await readBody(req);
    const response = await post(new Request(new URL(req.url, "http://localhost"), { method: "POST", headers, body }));
    const out = Buffer.from(await response.arrayBuffer());
    const head = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));
    response.headers.forEach((value, name) => (head[name] = value));
    // An unread remainder would be taken for the next request on this connection: close it.
    head["Content-Length"] = String(out.length);
    if (!complete) head.Connection = "close";
    res.writeHead(response.status, head);
    res.end(out, () => !complete && req.destroy());
  } catch (error) {
    const incident = onError(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { appCode: "INTERNAL", incident } }));
  }
}
