import { AsyncLocalStorage } from "node:async_hooks";

// Issue 15, read replicas: which requests may read from DATABASE_REPLICA_URL. Only what is the
// same for everyone and stale by design anyway: the page cache's anonymous renders and the open
// data (/api/v1), which src/scripts/serve.mjs runs inside withReplicaReads. Everything else, a
// worker's own ballot, signature and report and the pages that show them, reads the primary
// (read-your-writes). Plain JavaScript on globalThis, as client-address.js is, so serve.mjs and
// the two builds of the app (Next's and the hot routes' bundle) share one store.

/** @type {{ wvReplicaReads?: AsyncLocalStorage<true> }} */
const g = /** @type {any} */ (globalThis);
const storage = (g.wvReplicaReads ??= new AsyncLocalStorage());

/**
 * Runs fn (and everything it starts) with its database reads on the replica, if one is set.
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function withReplicaReads(fn) {
  return storage.run(true, fn);
}

/** Whether the code running now may read from the replica. */
export function readsFromReplica() {
  return storage.getStore() === true;
}
