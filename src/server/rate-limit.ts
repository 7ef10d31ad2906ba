import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { Redis } from "ioredis";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";

// PRIVACY.md P2: limits key on a keyed hash of the address, held in memory (or Redis when
// configured) for minutes and never written to the database. The hash key lives only in this
// process, so even Redis holds nothing that maps back to an address after a restart.
const addressKey = randomBytes(32);

export function addressHash(ip: string | null | undefined): string {
  return createHmac("sha256", addressKey).update(ip ?? "unknown").digest("base64url").slice(0, 22);
}

export const LIMITS = {
  signIn: { points: 10, duration: 60 },
  // PRIVACY.md: 100 new accounts an hour per address, each behind a proof of work; a rider
  // station or a carrier NAT puts hundreds of workers behind one address.
  createAccount: { points: 100, duration: 3600 },
  report: { points: 10, duration: 3600 },
  vote: { points: 30, duration: 60 },
  redeem: { points: 10, duration: 600 },
  write: { points: 60, duration: 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const globalForLimits = globalThis as unknown as { wvLimiters?: Map<LimitName, RateLimiterAbstract>; wvRedis?: Redis };

function limiter(name: LimitName): RateLimiterAbstract {
  const limiters = (globalForLimits.wvLimiters ??= new Map());
  let found = limiters.get(name);
  if (!found) {
    const opts = { keyPrefix: `wv:${name}`, ...LIMITS[name] };
    if (env.REDIS_URL) {
      const redis = (globalForLimits.wvRedis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false }));
      found = new RateLimiterRedis({ storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts), ...opts });
    } else {
      found = new RateLimiterMemory(opts);
    }
    limiters.set(name, found);
  }
  return found;
}

/** Consumes one point for each key (address hash, account); throws RATE_LIMITED when any is spent. */
export async function consume(name: LimitName, ...keys: (string | null | undefined)[]) {
  if (process.env.WV_DISABLE_RATE_LIMITS === "1") return;
  for (const key of keys) {
    if (!key) continue;
    try {
      await limiter(name).consume(key);
    } catch (err) {
      if (err instanceof Error) throw err;
      throw new AppError("RATE_LIMITED");
    }
  }
}

/** The client address as the reverse proxy or Next's own server reports it; never stored. */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return get("x-forwarded-for")?.split(",")[0]?.trim() ?? get("x-real-ip") ?? null;
}
