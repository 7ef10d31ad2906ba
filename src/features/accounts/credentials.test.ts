import { describe, expect, it } from "vitest";
import { TOTP, Secret } from "otpauth";
import {
  checkTotp,
  generateAccountKey,
  generateTotpSecret,
  hashSecret,
  isStrongPassword,
  parseAccountKey,
  verifySecret,
} from "~/features/accounts/credentials";

describe("account keys", () => {
  it("carry at least 128 bits in the secret half and are unique", () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateAccountKey().key));
    expect(keys.size).toBe(200);
    const { secret, lookup } = generateAccountKey();
    expect(secret.length * 5).toBeGreaterThanOrEqual(128);
    expect(lookup).toHaveLength(10);
  });

  it("parse back however the worker typed them", () => {
    const { key, lookup, secret } = generateAccountKey();
    expect(parseAccountKey(key)).toEqual({ lookup, secret });
    expect(parseAccountKey(key.toLowerCase().replace(/-/g, " "))).toEqual({ lookup, secret });
    const withLookalikes = key.replace(/0/g, "O").replace(/1/g, "l");
    expect(parseAccountKey(withLookalikes)).toEqual({ lookup, secret });
  });

  it("reject keys of the wrong length or alphabet", () => {
    expect(parseAccountKey("ABCD-EFGH")).toBeNull();
    expect(parseAccountKey(`${generateAccountKey().key}X`)).toBeNull();
    expect(parseAccountKey("U".repeat(36))).toBeNull();
  });

  it("are stored as an argon2id hash that verifies only the right secret", async () => {
    const { secret } = generateAccountKey();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(secret);
    expect(await verifySecret(stored, secret)).toBe(true);
    const altered = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect(await verifySecret(stored, altered)).toBe(false);
    expect(await verifySecret("not-a-hash", secret)).toBe(false);
  });
});

describe("staff passwords", () => {
  it("need 12 characters and must not be common", () => {
    expect(isStrongPassword("short-Pass1")).toBe(false);
    expect(isStrongPassword("password1234")).toBe(false);
    expect(isStrongPassword("qwertyuiop123")).toBe(false);
    expect(isStrongPassword("Correct-Horse-Battery-42!")).toBe(true);
  });
});

describe("TOTP", () => {
  it("accepts the current code and refuses others", () => {
    const secret = generateTotpSecret();
    const now = Date.now();
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now });
    expect(checkTotp(secret, code, now)).toBe(Math.floor(now / 30_000));
    // One step either side is allowed for clock drift, and reports the step the code was for.
    expect(checkTotp(secret, code, now + 30_000)).toBe(Math.floor(now / 30_000));
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
    expect(checkTotp(secret, wrong, now)).toBeNull();
    expect(checkTotp(secret, "12345")).toBeNull();
  });
});
