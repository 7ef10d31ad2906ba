import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addressHash, addressKeyOf, clientAddress, consume, LIMITS } from "~/server/rate-limit";

describe("rate limits", () => {
  beforeEach(() => {
    process.env.WV_DISABLE_RATE_LIMITS = "0";
  });
  afterEach(() => {
    process.env.WV_DISABLE_RATE_LIMITS = "1";
  });

  it("allow 10 sign-ins a minute per address, then refuse with RATE_LIMITED", async () => {
    const key = addressHash(`198.51.100.${Math.floor(Math.random() * 250)}`);
    for (let i = 0; i < LIMITS.signIn.points; i++) await consume("signIn", key);
    await expect(consume("signIn", key)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another address is unaffected.
    await expect(consume("signIn", addressHash("192.0.2.99"))).resolves.toBeUndefined();
  });

  it("key on a hash of the address, never the address itself", () => {
    const hash = addressHash("203.0.113.5");
    expect(hash).not.toContain("203");
    expect(hash).toBe(addressHash("203.0.113.5"));
    expect(hash).not.toBe(addressHash("203.0.113.6"));
  });

  it("read only the one address the edge left, never a client's list or X-Real-IP", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBeNull();
    expect(clientAddress({ "x-real-ip": "203.0.113.9" })).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("key IPv6 by its /64 and IPv4-mapped IPv6 as IPv4", () => {
    const v6 = (ip: string) => addressKeyOf(new Headers({ "x-forwarded-for": ip }));
    expect(v6("2001:db8:5:6::1")).toBe(v6("2001:db8:5:6:ffff:eeee:dddd:cccc"));
    expect(v6("2001:db8:5:7::1")).not.toBe(v6("2001:db8:5:6::1"));
    expect(v6("::ffff:198.51.100.3")).toBe(v6("198.51.100.3"));
  });
});
