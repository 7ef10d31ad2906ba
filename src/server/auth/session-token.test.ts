import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "~/server/auth/session-token";

const secret = "a-test-secret-of-at-least-thirty-two-characters";

describe("session tokens", () => {
  it("decode what next-auth encodes, with the key derived once", async () => {
    const token = await encode({ token: { sid: "s-1", role: "WORKER" }, secret });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ sid: "s-1", role: "WORKER" });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ sid: "s-1" });
  });

  it("refuse tokens made with another secret, altered or expired", async () => {
    const token = await encode({ token: { sid: "s-1" }, secret });
    expect(await decodeSessionToken(token, `${secret}-other`)).toBeNull();
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("A") ? "B" : "A"}A`;
    expect(await decodeSessionToken(parts.join("."), secret)).toBeNull();
    expect(await decodeSessionToken("not-a-token", secret)).toBeNull();
    const expired = await encode({ token: { sid: "s-1" }, secret, maxAge: -60 });
    expect(await decodeSessionToken(expired, secret)).toBeNull();
  });
});
