import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "~/lib/app-error";
import { addressBucket, edgeIsActive } from "~/lib/client-address";
import { currentAddressKey } from "~/server/cluster/address-key";
import { redisClient } from "~/server/cluster/redis";

// PRIVACY.md P2: limits key on a keyed hash of the address, held in memory (or Redis when
// REDIS_URL is set, so limits hold across app instances) for minutes and never written to the
// database. The hash key is random per process in embedded mode, and shared by the instances
// through Redis, rotated hourly and expiring, otherwise (src/server/cluster/address-key.ts). Its state is on globalThis: this process holds
// two builds of these modules, Next's and the hot write routes' (src/server/api/hot-routes.ts).

/** Keyed hash of the address's bucket (an IPv4 address, or an IPv6 /64). */
export function addressHash(ip: string | null | undefined): string {
  return createHmac("sha256", currentAddressKey()).update(addressBucket(ip) ?? "unknown").digest("base64url").slice(0, 22);
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

const globalForLimits = globalThis as unknown as { wvLimiters?: Map<LimitName, RateLimiterAbstract> };

function limiter(name: LimitName): RateLimiterAbstract {
  const limiters = (globalForLimits.wvLimiters ??= new Map());
  let found = limiters.get(name);
  if (!found) {
    const opts = { keyPrefix: `wv:${name}`, ...LIMITS[name] };
    const redis = redisClient();
    if (redis) {
      // While Redis is down, the in-memory insurance limiter counts (per instance) instead.
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

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The client address the edge (src/scripts/serve.mjs, src/lib/client-address.js) resolved from
 * the socket and the trusted proxies: the only X-Forwarded-For value left on the request. When
 * the app runs without that edge (`next dev`, `next start`), the header is the client's own
 * claim, so there is no address and every caller shares one bucket: limits hold, tighter.
 */
export function clientAddress(headers: HeaderBag): string | null {
  if (!edgeIsActive()) return null;
  const value = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  // The edge leaves one value; a list means it did not run for this request.
  return typeof value === "string" && !value.includes(",") ? value.trim() : null;
}

/** The rate-limit key of a request's address: what every limit (tRPC, write routes, sign-in, actions) uses. */
export function addressKeyOf(headers: HeaderBag): string {
  return addressHash(clientAddress(headers));
}
