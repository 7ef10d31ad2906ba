// Issue 14: while the database restarts or drops its connections, a write must get a clear
// "try again" (503 with Retry-After), not a 500, and nothing may wait for long. This names the
// errors that mean "the database is not there right now" as each driver and Prisma report them.
// Shared by the app and the fault tests; no "server-only" so a plain Node test can import it.

/** Socket errors of node's net module and pg's own timeouts. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * PostgreSQL SQLSTATEs: connection exceptions (class 08), the server shutting down or starting
 * (57P01-57P03), a statement or lock timeout (57014, 55P03), too many connections (53300).
 */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "57014", "55P03", "53300"]);

/** Prisma's codes for the same: unreachable, timed out, closed, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Driver adapter error kinds (@prisma/driver-adapter-utils). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** pg raises these as plain Errors, without a code. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Query read timeout/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
];

type Loose = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, kind, originalCode, message, cause, meta } = e as Loose;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && SQLSTATES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(cause, meta);
    if (e instanceof AggregateError) queue.push(...e.errors);
  }
  return false;
}

/** Seconds a client should wait before trying again: about what a fast restart takes. */
export const RETRY_AFTER_SECONDS = 3;
