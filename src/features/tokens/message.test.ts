import { describe, expect, it } from "vitest";
import { encodeTokenMessage, fromBase64Url, parsePreparedToken, PREPARE_PREFIX, toBase64Url } from "~/features/tokens/message";

const prefix = new Uint8Array(PREPARE_PREFIX).fill(7);
const withPrefix = (m: Uint8Array) => new Uint8Array([...prefix, ...m]);
const message = { campaignId: "c1", profile: { city: "shenzhen", platform: "several", sector: "COURIER" }, nonce: "n0nce" };

describe("token messages", () => {
  it("read back what the phone wrote, after RFC 9474's random prefix", () => {
    expect(parsePreparedToken(withPrefix(encodeTokenMessage(message)))).toEqual(message);
  });

  it("refuse anything else: no prefix, another version, extra or empty fields, bad UTF-8", () => {
    const text = (s: string) => withPrefix(new TextEncoder().encode(s));
    expect(parsePreparedToken(encodeTokenMessage(message))).toBeNull();
    expect(parsePreparedToken(text("wv-ballot-token/2\nc1\nshenzhen\nseveral\nCOURIER\nn"))).toBeNull();
    expect(parsePreparedToken(text("wv-ballot-token/1\nc1\nshenzhen\nseveral\nCOURIER\nn\nextra"))).toBeNull();
    expect(parsePreparedToken(text("wv-ballot-token/1\nc1\n\nseveral\nCOURIER\nn"))).toBeNull();
    expect(parsePreparedToken(withPrefix(new Uint8Array([0xff, 0xfe])))).toBeNull();
  });

  it("encode base64url both ways and refuse other alphabets", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(Buffer.from(toBase64Url(bytes), "base64url")).toEqual(Buffer.from(bytes));
    expect(fromBase64Url("ab+/")).toBeNull();
  });
});
