import "server-only";
import { randomBytes } from "node:crypto";
import { reportIncident } from "~/server/log";
import { redisClient, redisReady } from "~/server/cluster/redis";

// PRIVACY.md P2: rate limits key on HMAC(key, address bucket). The key must be the same in every
// app instance, or two instances hash one address differently and a limit spent on one is fresh
// on the other. With REDIS_URL set it lives in Redis only (never in PostgreSQL, never on disk
// here; run Redis without persistence), one key per hour: each instance reads the current hour's
// key, the first to ask for it creates it (SET NX), and it expires 5 minutes after its hour ends,
// so Redis holds at most the current key and the next. The limiter's own entries expire with
// their windows (an hour at most), so an old hash maps back to nothing once both are gone. The
// hour boundary resets every address's limits once, as a fixed window does anyway.
// Without Redis (embedded mode, one process) the key is random per process, as before.

export const ADDRESS_KEY_EPOCH_MS = 3_600_000;
const TTL_SECONDS = (2 * ADDRESS_KEY_EPOCH_MS) / 1000 + 300;
const REFRESH_MS = 60_000;

type Entry = { key: Buffer; shared: boolean };
const g = globalThis as unknown as {
  wvAddressKeys?: Map<number, Entry>;
  wvAddressKeyLoads?: Map<number, Promise<void>>;
  wvAddressKeyTimer?: NodeJS.Timeout;
  wvProcessAddressKey?: Buffer;
  wvAddressKeyRetryAt?: number;
};
const keys = (g.wvAddressKeys ??= new Map());
const loads = (g.wvAddressKeyLoads ??= new Map());

export const redisKeyOf = (epoch: number) => `wv:address-key:${epoch}`;
const epochOf = (now: number) => Math.floor(now / ADDRESS_KEY_EPOCH_MS);

/**
 * The HMAC key for an address hash made now. Synchronous, from memory: the current and the next
 * hour's keys are loaded ahead (startAddressKeys). If Redis has not answered for this hour yet,
 * a key of this process stands in (limits then hold per instance only) until it does.
 */
export function currentAddressKey(now = Date.now()): Buffer {
  const redis = redisClient();
  if (!redis) return (g.wvProcessAddressKey ??= randomBytes(32));
  const epoch = epochOf(now);
  const entry = keys.get(epoch);
  if (entry?.shared) return entry.key;
  if (now >= (g.wvAddressKeyRetryAt ?? 0)) void loadKey(epoch);
  if (entry) return entry.key;
  const local = { key: randomBytes(32), shared: false };
  keys.set(epoch, local);
  return local.key;
}

/** Reads (or first creates) one hour's shared key from Redis; one load per hour at a time. */
function loadKey(epoch: number): Promise<void> {
  const pending = loads.get(epoch);
  if (pending) return pending;
  const load = (async () => {
    const redis = redisClient();
    if (!redis || !(await redisReady(redis, 2_000))) throw new Error("ECONNREFUSED");
    const name = redisKeyOf(epoch);
    await redis.set(name, randomBytes(32).toString("base64url"), "EX", TTL_SECONDS, "NX");
    const value = await redis.get(name);
    if (!value) throw new Error("EKEYMISSING");
    keys.set(epoch, { key: Buffer.from(value, "base64url"), shared: true });
  })()
    .catch((error: unknown) => {
      // Requests try again at most every 5 s; the refresh timer every minute.
      g.wvAddressKeyRetryAt = Date.now() + 5_000;
      reportIncident("address key", error);
    })
    .finally(() => loads.delete(epoch));
  loads.set(epoch, load);
  return load;
}

/** Loads this hour's and the next hour's keys, then keeps them loaded; call once at start. */
export async function startAddressKeys() {
  if (!redisClient() || g.wvAddressKeyTimer) return;
  const refresh = async () => {
    const epoch = epochOf(Date.now());
    for (const old of keys.keys()) if (old < epoch) keys.delete(old);
    await Promise.all([epoch, epoch + 1].filter((e) => !keys.get(e)?.shared).map(loadKey));
  };
  g.wvAddressKeyTimer = setInterval(() => void refresh(), REFRESH_MS);
  g.wvAddressKeyTimer.unref();
  await refresh();
}
