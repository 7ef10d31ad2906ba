import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 15 and PRIVACY.md P2: every app instance hashes an address with the same key, read from
// Redis, one key an hour, each gone from Redis soon after its hour. Needs the machine's Redis
// (CI starts it); a database index of the tests' own.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/13";
process.env.REDIS_URL = REDIS_URL;
const { ADDRESS_KEY_EPOCH_MS, currentAddressKey, redisKeyOf, startAddressKeys } = await import("~/server/cluster/address-key");
const { addressHash } = await import("~/server/rate-limit");
const g = globalThis as unknown as { wvAddressKeys?: Map<number, { shared: boolean }>; wvRedis?: Redis | null };

// An hour far in the future, unused by anything else.
const epoch = Math.floor(Date.now() / ADDRESS_KEY_EPOCH_MS) + 50_000 + Math.floor(Math.random() * 100_000);
const at = epoch * ADDRESS_KEY_EPOCH_MS + 10;
const redis = new Redis(REDIS_URL);

/** As another process would: no key of its own in memory. */
const forgetKeys = () => g.wvAddressKeys?.clear();
async function sharedKey(now: number) {
  for (let i = 0; i < 50; i++) {
    const key = currentAddressKey(now);
    if (g.wvAddressKeys?.get(Math.floor(now / ADDRESS_KEY_EPOCH_MS))?.shared) return key;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no key in Redis");
}

describe("the address-hash key with Redis", () => {
  beforeAll(async () => {
    await startAddressKeys();
  });
  afterAll(async () => {
    await redis.del(redisKeyOf(epoch), redisKeyOf(epoch + 1));
    redis.disconnect();
    g.wvRedis?.disconnect();
  });

  it("is the same in two processes, and another hour's is another key", async () => {
    const first = await sharedKey(at);
    forgetKeys();
    const second = await sharedKey(at + 60_000);
    expect(second.equals(first)).toBe(true);
    const nextHour = await sharedKey(at + ADDRESS_KEY_EPOCH_MS);
    expect(nextHour.equals(first)).toBe(false);
  });

  it("expires from Redis within 5 minutes of its hour's end, at most two hours ahead", async () => {
    await sharedKey(at);
    const ttl = await redis.ttl(redisKeyOf(epoch));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2 * 3600 + 300);
  });

  it("hashes the current hour's addresses with the key every process reads", async () => {
    const now = Date.now();
    await sharedKey(now);
    const before = addressHash("198.51.100.7");
    forgetKeys();
    await sharedKey(now);
    // Unless the hour turned between the two lines, the hash is the same after a "restart".
    if (Math.floor(Date.now() / ADDRESS_KEY_EPOCH_MS) === Math.floor(now / ADDRESS_KEY_EPOCH_MS)) expect(addressHash("198.51.100.7")).toBe(before);
  });
});
