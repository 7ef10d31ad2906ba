import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyClientAddress, parseTrustedProxies } from "../lib/client-address.js";
import { securityHeaders, strictTransportSecurity } from "../lib/security-headers.js";
import { reportIncident } from "../server/log.js";
import { servePageCache } from "./lib/page-cache.mjs";
import { privateDataDir } from "../server/private-files.js";
import { checkSecretsConfig } from "../server/secret-files.js";

// `node src/scripts/serve.mjs [-p port] [-H hostname]`: the built app, as `npm start` serves it.
// A Next custom server (the documented `next()` API) that answers the three hot writes itself:
// POST /api/ballots, /api/signatures and /api/reports. Their handlers are the route handlers Next
// built (src/app/api/*/route.ts, through src/server/api/write-route.ts, which checks origin, body
// size, session, role, input and rate limit itself); what this skips is Next's routing, the
// proxy (whose matcher excludes these paths anyway) and its Web-stream plumbing, about 1.3 ms of
// CPU per request on the 2-core benchmark machine, which capped a no-op route at ~900/s.
// Everything else, including other methods on those paths, goes to Next unchanged.
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } }, allowPositionals: true });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
process.env.NODE_ENV = "production";
privateDataDir();
try {
  checkSecretsConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Imported after NODE_ENV is set: production is what turns Secure cookies and HSTS on.
const { env, secureTransport } = await import("../env.js");
const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

// Next logs what a page or route throws as the whole error (a database error's message quotes
// the row). In this process an error passed to console.error is logged as its codes under an
// incident id instead (src/server/log.js); plain text lines pass as they are.
const consoleError = console.error.bind(console);
console.error = (...args) => {
  const errors = args.filter((a) => a instanceof Error);
  if (errors.length === 0) return consoleError(...args);
  for (const error of errors) reportIncident("next", error);
};

const root = path.resolve(import.meta.dirname, "..", "..");
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const DIRECT_ROUTES = ["/api/ballots", "/api/signatures", "/api/reports", "/api/tokens/ballot"];
/** Past this a body is not read further: the routes' own limit (src/server/http.ts) is lower. */
const BODY_CAP = 1024 * 1024;

/**
 * The POST handlers of the direct routes, from Next's build of them (the same module instances
 * Next serves). This reaches into the build's route modules, which a Next upgrade may change:
 * then the server refuses to start rather than quietly falling back, and the end-to-end suite
 * (which runs through this server) says so.
 */
async function loadDirectRoutes() {
  const require = createRequire(import.meta.url);
  const routes = new Map();
  for (const route of DIRECT_ROUTES) {
    const { routeModule } = require(path.join(root, ".next", "server", "app", route, "route.js"));
    await routeModule?.ensureUserland?.();
    const post = routeModule?.userland?.POST;
    if (typeof post !== "function") throw new Error(`serve.mjs: no POST handler found in Next's build of ${route}; has Next's route-module layout changed?`);
    routes.set(route, post);
  }
  return routes;
}
const direct = await loadDirectRoutes();

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

async function serveDirect(post, req, res) {
  try {
    // As Next does for its handlers (the address is already set, by the edge below).
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
    const incident = reportIncident("serve", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { appCode: "INTERNAL", incident } }));
  }
}

// Benchmarks set WV_TIMING_FILE to read server time: one line per request with its method,
// path (no query), status and the milliseconds from arrival to the last byte written. Nothing
// about who asked (no address, no cookie); unset, nothing is recorded.
const timing = process.env.WV_TIMING_FILE ? createWriteStream(process.env.WV_TIMING_FILE, { flags: "a" }) : null;
function record(req, res) {
  const started = performance.now();
  res.once("finish", () => timing.write(`${req.method} ${req.url?.split("?", 1)[0]} ${res.statusCode} ${(performance.now() - started).toFixed(2)}\n`));
}

const hsts = secureTransport ? strictTransportSecurity : null;
let pages = null;
const server = createServer((req, res) => {
  if (timing) record(req, res);
  // The edge (PRIVACY.md P2): every request, direct or through Next, carries only the address
  // resolved from the socket and TRUSTED_PROXIES; client-sent forwarding headers are dropped.
  applyClientAddress(req.headers, req.socket.remoteAddress, trustedProxies);
  if (hsts) res.setHeader(hsts.key, hsts.value);
  pages?.cache.watchWrite(req, res);
  const post = req.method === "POST" ? direct.get(req.url?.split("?", 1)[0]) : undefined;
  if (post) void serveDirect(post, req, res);
  // Public pages from the shared cache (src/scripts/lib/page-cache.mjs); its renders go to Next.
  else if (pages?.isRender(req) || !pages?.cache.take(req, res, handle)) void handle(req, res);
});
const pageSeconds = Number(process.env.WV_PAGE_CACHE_SECONDS ?? 5);
if (pageSeconds > 0) pages = servePageCache(server, { host: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).host : undefined, ttlMs: pageSeconds * 1000 });
server.listen(port, hostname, () => console.log(`[serve] listening on ${hostname ?? "*"}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
