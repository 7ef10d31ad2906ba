import { createWriteStream } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { applyClientAddress, parseTrustedProxies } from "../lib/client-address.js";
import { securityHeaders, strictTransportSecurity } from "../lib/security-headers.js";
import { reportIncident } from "../server/log.js";
import { privateDataDir } from "../server/private-files.js";
import { checkSecretsConfig } from "../server/secret-files.js";
import { hotRouteFor, loadHotRoutes, serveHotRoute } from "./lib/hot-routes.mjs";
import { servePageCache } from "./lib/page-cache.mjs";
import { withReplicaReads } from "../server/db/replica-reads.js";

// `node src/scripts/serve.mjs [-p port] [-H hostname]`: the built app, as `npm start` serves it.
// A Next custom server (the documented `next()` API) that answers the hot routes itself:
// POST /api/ballots, /api/signatures, /api/reports and /api/tokens/ballot, and GET
// /api/me/page (the personal state of a cached page). Their handlers are
// plain data in and out (src/server/api/plain-handler.ts; src/server/api/write-route.ts checks
// origin, body size, session, role, input and rate limit itself), called straight from Node's
// request without a Request or Response (src/scripts/lib/hot-routes.mjs), bundled apart from Next's build into
// .hot/handlers.mjs (src/server/api/hot-routes.ts, src/scripts/lib/hot-build.mjs), not taken
// from Next's internals. What this skips is Next's routing, the proxy (whose matcher excludes
// these paths anyway) and its Web-stream plumbing, about 1.3 ms of CPU per request on the 2-core
// benchmark machine, which capped a no-op route at ~900/s.
// Everything else, including other methods on those paths, goes to Next unchanged.
// Memory (issue 15: at most 400 MB per process under load). V8 lets the old generation grow by
// a factor it picks from its recent GC speed, up to 4x between full collections: under the pages
// benchmark the server reached 535 MB of RSS. Doubling at most keeps it under 400 MB; growing by
// half held it under 300 MB but cost so much collection that the soak's 500 writes a second fell
// behind (p99 rising to 5 s), while doubling keeps the soak's p99 under 100 ms. Set before Next
// loads; a --heap-growing-percent on the command line wins.
if (!process.execArgv.some((a) => a.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=100");

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

// The hot routes, from their own bundle (src/scripts/lib/hot-routes.mjs); refuses to start without it.
const direct = await loadHotRoutes(root);
const hotOptions = { securityHeaders, onError: (error) => reportIncident("serve", error) };

// Benchmarks set WV_TIMING_FILE to read server time: one line per request with its method,
// path (no query), status and the milliseconds from arrival to the last byte written. Nothing
// about who asked (no address, no cookie); unset, nothing is recorded.
const timing = process.env.WV_TIMING_FILE ? createWriteStream(process.env.WV_TIMING_FILE, { flags: "a" }) : null;
function record(req, res) {
  const started = performance.now();
  res.once("finish", () => timing.write(`${req.method} ${req.url?.split("?", 1)[0]} ${res.statusCode} ${(performance.now() - started).toFixed(2)}\n`));
}

// The soak benchmark sets WV_MEMORY_FILE to tell a leak from a heap growing to its working size:
// every 2 s one JSON line of process.memoryUsage() (rss, heapTotal, heapUsed, external,
// arrayBuffers, in bytes) with the milliseconds since start. Unset, nothing is sampled.
if (process.env.WV_MEMORY_FILE) {
  const memory = createWriteStream(process.env.WV_MEMORY_FILE, { flags: "a" });
  const born = performance.now();
  setInterval(() => memory.write(`${JSON.stringify({ ms: Math.round(performance.now() - born), ...process.memoryUsage() })}\n`), 2000).unref();
}

const hsts = secureTransport ? strictTransportSecurity : null;
const isOpenDataRead = (req) => (req.method === "GET" || req.method === "HEAD") && req.url?.startsWith("/api/v1/");
let pages = null;
const server = createServer((req, res) => {
  if (timing) record(req, res);
  // The edge (PRIVACY.md P2): every request, direct or through Next, carries only the address
  // resolved from the socket and TRUSTED_PROXIES; client-sent forwarding headers are dropped.
  applyClientAddress(req.headers, req.socket.remoteAddress, trustedProxies);
  if (hsts) res.setHeader(hsts.key, hsts.value);
  pages?.cache.watchWrite(req, res);
  const hot = hotRouteFor(direct, req.method, req.url);
  if (hot) void serveHotRoute(hot, req, res, hotOptions);
  // The cache's own renders (anonymous by construction) and the open data read the replica, when
  // DATABASE_REPLICA_URL sets one (src/server/db/replica-reads.js); the rest reads the primary.
  else if (pages?.isRender(req) || isOpenDataRead(req)) void withReplicaReads(() => handle(req, res));
  // Public pages from the shared cache (src/scripts/lib/page-cache.mjs); its renders go to Next.
  else if (!pages?.cache.take(req, res, handle)) void handle(req, res);
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
