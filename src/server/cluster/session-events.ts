import "server-only";
import pg from "pg";

// Sign-out, suspension and changes to what a session check returns reach every app instance
// through PostgreSQL's LISTEN/NOTIFY (issue 15: effective everywhere within 1 s). Triggers on
// "Session" and "Account" (migration 20261205010000_session_events) send the hash of each
// affected session id on the channel below when the change commits, whichever process or script
// made it; nothing is stored. Each process keeps one listening connection, beside its pool.
//
// A cached session is trusted past SESSION_CACHE_MS (1 s) only while this connection is known
// to be live: it was listening before the session was read, and a heartbeat that started less
// than 1 s ago has come back. PostgreSQL delivers the notifications of every transaction that
// committed before a query began ahead of that query's answer, so the heartbeat's return means
// nothing older than its start is missing. A lost connection makes every entry short-lived again
// (the 1-s rule), and reconnecting starts a new epoch: entries read before it are never trusted
// longer, since notifications may have been lost in between. On the embedded database (one
// process, no listener) sessions keep the 1-s rule.

export const SESSION_CHANNEL = "wv_session_changed";
/** The listening connection's application_name (pg_stat_activity). */
export const LISTENER_NAME = "wv-session-events";
const HEARTBEAT_MS = 200;
const RECONNECT_MS = 1_000;
/** How old the latest confirmed heartbeat may be for the listener to vouch for cached sessions. */
export const LISTENER_BOUND_MS = 1_000;

type Listener = {
  /** Bumped at every (re)connection; 0 before the first. */
  epoch: number;
  /** When LISTEN was sent on the current connection (null: not listening). */
  listeningSince: number | null;
  /** Start time of the last heartbeat that came back on the current connection. */
  confirmedAt: number;
  onChange: ((idHash: string) => void) | null;
  /** When the listener was stopped for good (closeSessionEvents). */
  closed: boolean;
  client: pg.Client | null;
  heartbeat: NodeJS.Timeout | null;
};

const g = globalThis as unknown as { wvSessionListener?: Listener };

function state(): Listener {
  return (g.wvSessionListener ??= { epoch: 0, listeningSince: null, confirmedAt: 0, onChange: null, closed: false, client: null, heartbeat: null });
}

/**
 * Starts listening (once per process) on the PostgreSQL server at `url`, the primary's;
 * `onChange(idHash)` evicts a session. Without a url (the embedded database) nothing listens.
 */
export function listenForSessionChanges(url: string | undefined, onChange: (idHash: string) => void) {
  const s = state();
  s.onChange = onChange;
  if (!url || s.epoch > 0 || s.closed) return;
  s.epoch = 1;
  void connect(s, url);
}

function stopHeartbeat(s: Listener) {
  if (s.heartbeat) clearInterval(s.heartbeat);
  s.heartbeat = null;
}

async function connect(s: Listener, url: string) {
  if (s.closed) return;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, keepAlive: true, application_name: LISTENER_NAME });
  s.client = c;
  const lost = () => {
    if (s.client !== c) return;
    s.client = null;
    s.listeningSince = null;
    stopHeartbeat(s);
    void c.end().catch(() => undefined);
    if (!s.closed) setTimeout(() => void connect(s, url), RECONNECT_MS).unref();
  };
  c.on("error", lost);
  c.on("end", lost);
  c.on("notification", (msg) => {
    if (msg.channel === SESSION_CHANNEL && msg.payload) s.onChange?.(msg.payload);
  });
  try {
    await c.connect();
    (c as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
    const since = Date.now();
    await c.query(`LISTEN ${SESSION_CHANNEL}`);
    if (s.client !== c) return;
    s.epoch++;
    s.listeningSince = since;
    s.confirmedAt = since;
    s.heartbeat = setInterval(() => {
      const started = Date.now();
      c.query("SELECT 1").then(
        () => {
          if (s.client === c) s.confirmedAt = Math.max(s.confirmedAt, started);
        },
        lost,
      );
    }, HEARTBEAT_MS);
    s.heartbeat.unref();
  } catch {
    lost();
  }
}

/** The listener's epoch now: a session read records it, to be trusted longer only within the same one. */
export const sessionEventsEpoch = () => state().epoch;

/**
 * Whether a session read that began at `readAt` in `epoch` may still be trusted at `now`
 * beyond the 1-s rule: the listener was listening before the read, still is, in the same
 * epoch, and has confirmed delivery up to less than LISTENER_BOUND_MS ago.
 */
export function vouchedFor(readAt: number, epoch: number, now = Date.now()): boolean {
  const s = state();
  return s.listeningSince !== null && s.epoch === epoch && readAt >= s.listeningSince && s.confirmedAt > now - LISTENER_BOUND_MS;
}

/** For tests and shutdown: drops the listening connection for good. */
export async function closeSessionEvents() {
  const s = state();
  s.closed = true;
  s.listeningSince = null;
  stopHeartbeat(s);
  const c = s.client;
  s.client = null;
  await c?.end().catch(() => undefined);
}

/** For tests: whether the listener is listening now. */
export const sessionListenerLive = () => state().listeningSince !== null;
