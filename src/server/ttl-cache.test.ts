import { describe, expect, it } from "vitest";
import { TtlCache } from "~/server/ttl-cache";

describe("TtlCache", () => {
  it("forgets entries after the TTL, or earlier when asked", () => {
    const cache = new TtlCache<string, number>(10, 1_000);
    cache.set("a", 1, {}, 0);
    cache.set("b", 2, { until: 500 }, 0);
    expect(cache.get("a", 999)).toBe(1);
    expect(cache.get("a", 1_000)).toBeUndefined();
    expect(cache.get("b", 499)).toBe(2);
    expect(cache.get("b", 500)).toBeUndefined();
  });

  it("keeps at most `max` entries, dropping the least recently used", () => {
    const cache = new TtlCache<number, number>(3, 60_000);
    for (const k of [1, 2, 3]) cache.set(k, k);
    expect(cache.get(1)).toBe(1); // 1 is now the most recent
    cache.set(4, 4);
    expect(cache.size).toBe(3);
    expect(cache.get(2)).toBeUndefined();
    expect([1, 3, 4].map((k) => cache.get(k))).toEqual([1, 3, 4]);
  });

  it("refuses a store that raced with a deletion", () => {
    const cache = new TtlCache<string, { owner: string }>(10, 60_000);
    const seen = cache.generation;
    cache.deleteWhere((v) => v.owner === "x"); // e.g. a suspension while the value was being read
    cache.set("s1", { owner: "x" }, { ifGeneration: seen });
    expect(cache.get("s1")).toBeUndefined();
    cache.set("s1", { owner: "x" }, { ifGeneration: cache.generation });
    cache.set("s2", { owner: "y" });
    cache.deleteWhere((v) => v.owner === "x");
    expect(cache.get("s1")).toBeUndefined();
    expect(cache.get("s2")).toEqual({ owner: "y" });
  });
});
