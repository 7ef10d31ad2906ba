import "server-only";
import { Redis } from "ioredis";
import { env } from "~/env";

// One Redis connection per process, shared by the rate limiter's store and the address-hash key
// (src/server/cluster/address-key.ts). Commands fail at once while it is disconnected
// (enableOfflineQueue off) instead of queueing behind a request; each caller has a fallback.
// ioredis reconnects by itself. Kept on globalThis: a Next build loads this module more than once.
const g = globalThis as unknown as { wvRedis?: Redis | null };

/** The process's Redis client, or null in embedded mode (REDIS_URL unset). */
export function redisClient(): Redis | null {
  if (g.wvRedis !== undefined) return g.wvRedis;
  if (!env.REDIS_URL) return (g.wvRedis = null);
  const redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
  // Errors are reconnects in progress; a caller whose command fails falls back and logs.
  redis.on("error", () => undefined);
  return (g.wvRedis = redis);
}

/** Resolves once the client is ready, or false after `ms`. */
export async function redisReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === "ready") return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.once("ready", onReady);
  });
}
