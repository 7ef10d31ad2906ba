// PRIVACY.md P2: logs carry no IP and no row values. A PostgreSQL error's message and detail
// quote the values involved ("Key (nullifier)=(...) already exists"), and Prisma's messages
// quote the query's arguments, so an error is logged as its codes only, under a random incident
// id that the client is shown ("incident 3f9a0c21e4") and an operator can find in the log. Plain
// JavaScript without imports: src/scripts/serve.mjs uses it too.

/** @type {WeakMap<object, string>} */
const incidents = new WeakMap();

const SAFE_CODE = [
  /^[0-9A-Z]{5}$/, // PostgreSQL SQLSTATE (23505 unique_violation, 40001 serialization_failure, ...)
  /^P\d{4}$/, // Prisma (P2002, P2025, ...)
  /^E[A-Z0-9_]{2,30}$/, // Node system errors (ECONNREFUSED, ETIMEDOUT, ...)
  /^[A-Z][A-Za-z]{2,40}$/, // driver adapter kinds (UniqueConstraintViolation, ...), tRPC-free names
];

/**
 * The codes and class names an error carries, and nothing else: SQLSTATE, Prisma and Node
 * codes, driver-adapter kinds and error class names, from the error and its causes.
 * @param {unknown} err
 */
export function errorCodes(err) {
  /** @type {string[]} */
  const out = [];
  const add = (/** @type {unknown} */ v) => typeof v === "string" && SAFE_CODE.some((re) => re.test(v)) && !out.includes(v) && out.push(v);
  /** @type {unknown[]} */
  const queue = [err];
  const seen = new Set();
  while (queue.length > 0 && seen.size < 10) {
    const e = /** @type {Record<string, unknown> | null} */ (queue.shift());
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    add(e.name);
    add(e.code);
    add(e.originalCode);
    add(e.kind);
    const meta = /** @type {Record<string, unknown> | undefined} */ (e.meta);
    queue.push(e.cause, meta?.driverAdapterError);
  }
  return out.length > 0 ? out : [typeof err];
}

function newIncidentId() {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Logs an unexpected error as `[scope] incident <id>: <codes>` and returns the incident id for
 * the client's answer. The same error object reported twice (middleware, then formatter) keeps
 * its first id and is logged once.
 * @param {string} scope
 * @param {unknown} err
 * @returns {string}
 */
export function reportIncident(scope, err) {
  const known = err && typeof err === "object" ? incidents.get(err) : undefined;
  if (known) return known;
  const id = newIncidentId();
  if (err && typeof err === "object") incidents.set(err, id);
  console.error(`[${scope}] incident ${id}: ${errorCodes(err).join(" ")}`);
  return id;
}
