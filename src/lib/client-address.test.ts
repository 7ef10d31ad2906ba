import { describe, expect, it } from "vitest";
import { addressBucket, applyClientAddress, parseTrustedProxies, resolveClientAddress } from "~/lib/client-address";

// PRIVACY.md P2: a client-supplied X-Forwarded-For is never believed; only hops that a
// configured trusted proxy appended count, read from the right.
const none = parseTrustedProxies("");
const local = parseTrustedProxies("127.0.0.1, ::1");

describe("the client address at the edge", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client claims", () => {
    expect(resolveClientAddress({ socket: "203.0.113.9", forwardedFor: "198.51.100.1", trusted: none })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: ["1.1.1.1", "2.2.2.2"], trusted: none })).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the rightmost hop that is not a trusted proxy", () => {
    // The client sent "198.51.100.1"; nginx appended the peer it saw, 203.0.113.9.
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: "198.51.100.1, 203.0.113.9", trusted: local })).toBe("203.0.113.9");
    const chain = parseTrustedProxies("10.0.0.0/8 127.0.0.1");
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9, 10.1.2.3", trusted: chain })).toBe("203.0.113.9");
    // A request from an untrusted peer does not get to name a client, even with a trusted-looking chain.
    expect(resolveClientAddress({ socket: "203.0.113.50", forwardedFor: "127.0.0.1", trusted: local })).toBe("203.0.113.50");
  });

  it("stops at the last trusted hop on garbage, and takes the leftmost when every hop is trusted", () => {
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: "nonsense", trusted: local })).toBe("127.0.0.1");
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: "203.0.113.1, junk, 10.0.0.1", trusted: parseTrustedProxies("127.0.0.1,10.0.0.0/8") })).toBe("10.0.0.1");
    expect(resolveClientAddress({ socket: "127.0.0.1", forwardedFor: "::1", trusted: local })).toBe("0:0:0:0:0:0:0:1");
  });

  it("treats IPv4-mapped IPv6 as IPv4 and keys IPv6 by its /64", () => {
    expect(resolveClientAddress({ socket: "::ffff:203.0.113.9", trusted: none })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socket: "::ffff:127.0.0.1", forwardedFor: "203.0.113.4", trusted: local })).toBe("203.0.113.4");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:1:2:3")).toBe(addressBucket("2001:0db8:0001:0002::9"));
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
    expect(addressBucket("[fe80::1%eth0]")).toBe("fe80:0:0:0::/64");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    for (const bad of ["", "1.2.3", "256.1.1.1", "1:2:3", "1::2::3", "x.y.z.w", "1.2.3.4:80"]) expect(addressBucket(bad), bad).toBeNull();
  });

  it("matches CIDR ranges by their prefix, and refuses a malformed setting", () => {
    const ranges = parseTrustedProxies("192.168.0.0/16,fd00::/8");
    expect(resolveClientAddress({ socket: "192.168.44.2", forwardedFor: "203.0.113.7", trusted: ranges })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socket: "192.169.0.1", forwardedFor: "203.0.113.7", trusted: ranges })).toBe("192.169.0.1");
    expect(resolveClientAddress({ socket: "fd12::5", forwardedFor: "203.0.113.7", trusted: ranges })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socket: "fe12::5", forwardedFor: "203.0.113.7", trusted: ranges })).toBe("fe12:0:0:0:0:0:0:5");
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.0/x", "::/129"]) expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
  });

  it("rewrites a request's headers: client-sent forwarding headers gone, one address left", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "localhost:3000",
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "7.7.7.7",
      forwarded: "for=8.8.8.8",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    applyClientAddress(headers, "::ffff:127.0.0.1", none);
    expect(headers).toEqual({ host: "localhost:3000", "x-forwarded-for": "127.0.0.1" });

    const proxied: Record<string, string | string[] | undefined> = { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "wv.example", "x-real-ip": "6.6.6.6" };
    applyClientAddress(proxied, "127.0.0.1", local);
    expect(proxied).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "wv.example" });
  });
});
