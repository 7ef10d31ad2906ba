import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// serve.mjs answers the hot routes (src/server/api/hot-routes.ts) from their own bundle,
// .hot/handlers.mjs, made by the build beside Next's (src/scripts/lib/hot-build.mjs): nothing
// here reaches into .next. Only the methods the map lists are answered from it (POST for the
// writes, GET for /api/me/page); every other method on those paths, and every other path,
// goes to Next.

const METHODS = ["GET", "POST"];

/** Past this a body is not read further: the routes' own limit (src/server/http.ts) is lower. */
const BODY_CAP = 1024 * 1024;

/** @typedef {import("../../server/api/plain-handler").PlainHandler} Handler  no Request or Response is built for it */

/**
 * path -> method -> handler, from the bundle; refuses to start without it rather than quietly falling back.
 * @param {string} root
 */
export async function loadHotRoutes(root) {
  const file = path.join(root, ".hot", "handlers.mjs");
  if (!existsSync(file)) throw new Error(`serve.mjs: ${path.relative(root, file)} is missing; run \`npm run build\` (it bundles the hot write routes after \`next build\`).`);
  const { hotRoutes } = await import(pathToFileURL(file).href);
  return hotRouteMap(hotRoutes, file);
}

/**
 * The map serve.mjs looks requests up in: "METHOD path" -> handler.
 * @param {Record<string, Record<string, unknown>> | undefined} hotRoutes @param {string} file
 * @returns {Map<string, Handler>}
 */
export function hotRouteMap(hotRoutes, file) {
  /** @type {Map<string, Handler>} */
  const routes = new Map();
  for (const [route, methods] of Object.entries(hotRoutes ?? {})) {
    for (const [method, handler] of Object.entries(methods ?? {})) {
      if (!METHODS.includes(method) || typeof handler !== "function") throw new Error(`serve.mjs: the hot route ${method} ${route} in ${file} is not a handler`);
      routes.set(`${method} ${route}`, /** @type {Handler} */ (handler));
    }
  }
  if (routes.size === 0) throw new Error(`serve.mjs: ${file} holds no hot routes`);
  return routes;
}

/**
 * The hot handler for a request, or undefined (Next answers it). Only GET and POST are looked
 * up, so the common case (a page, an asset) costs one comparison.
 * @param {Map<string, Handler>} routes @param {string | undefined} method @param {string | undefined} url
 */
export function hotRouteFor(routes, method, url) {
  if ((method !== "POST" && method !== "GET") || !url?.startsWith("/api/")) return undefined;
  const q = url.indexOf("?");
  return routes.get(`${method} ${q < 0 ? url : url.slice(0, q)}`);
}

/**
 * Reads the body, at most BODY_CAP bytes (+1, so the route sees it is too large).
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<{ body: Buffer; complete: boolean }>}
 */
function readNodeBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const onData = (/** @type {Buffer} */ chunk) => {
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
 * Answers one request with a hot route's plain handler: Node's request in (its headers as a
 * Headers, its body read here), the handler's answer out with the site's security headers.
 * `onError(error)` logs what escaped the handler and returns the incident id. A GET has no body
 * to read.
 * @param {Handler} handler
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ securityHeaders: { key: string; value: string }[]; onError: (error: unknown) => string }} options
 */
export async function serveHotRoute(handler, req, res, { securityHeaders, onError }) {
  try {
    // As Next does for its handlers (the address is already set, by the edge in serve.mjs).
    req.headers["x-forwarded-host"] ??= req.headers.host;
    req.headers["x-forwarded-proto"] ??= "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const { body, complete } = req.method === "POST" ? await readNodeBody(req) : { body: undefined, complete: true };
    // What readLimitedBody (src/server/http.ts) gives a Request: null past the limit, "" for none.
    const readBody = async (/** @type {number} */ limit) => (!body ? "" : !complete || body.length > limit ? null : body.toString("utf8"));
    const answer = await handler({ url: new URL(req.url ?? "/", "http://localhost").href, headers, readBody });
    const out = Buffer.from(answer.body, "utf8");
    /** @type {Record<string, string>} */
    const head = {};
    for (const h of securityHeaders) head[h.key.toLowerCase()] = h.value;
    for (const [name, value] of Object.entries(answer.headers)) head[name.toLowerCase()] = value;
    // An unread remainder would be taken for the next request on this connection: close it.
    head["content-length"] = String(out.length);
    if (!complete) head.connection = "close";
    res.writeHead(answer.status, head);
    res.end(out, () => !complete && req.destroy());
  } catch (error) {
    const incident = onError(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { appCode: "INTERNAL", incident } }));
  }
}
