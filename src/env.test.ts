import { afterEach, describe, expect, it, vi } from "vitest";

// Issue 13, part 4: Secure cookies and HSTS by default in production, also when NEXTAUTH_URL is
// http (a TLS proxy in front); the opt-out is explicit and only for plain http.
async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return import("~/env");
}
afterEach(() => vi.unstubAllEnvs());

describe("transport settings", () => {
  it("are secure in production whatever the scheme of NEXTAUTH_URL", async () => {
    expect((await load({ NODE_ENV: "production", NEXTAUTH_URL: "http://voice.example.org", SECURE_COOKIES: undefined })).secureTransport).toBe(true);
    expect((await load({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000", SECURE_COOKIES: undefined })).secureTransport).toBe(true);
    expect((await load({ NODE_ENV: "development", NEXTAUTH_URL: undefined, SECURE_COOKIES: undefined })).secureTransport).toBe(false);
  });

  it("turn off only on request, and never beside an https public URL", async () => {
    expect((await load({ NODE_ENV: "production", NEXTAUTH_URL: "http://192.168.1.5:3000", SECURE_COOKIES: "false" })).secureTransport).toBe(false);
    await expect(load({ NODE_ENV: "production", NEXTAUTH_URL: "https://voice.example.org", SECURE_COOKIES: "false" })).rejects.toThrow(/local http only/);
  });

  it("refuse a malformed TRUSTED_PROXIES instead of trusting nothing or everything", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(load({ TRUSTED_PROXIES: "10.0.0.0/40" })).rejects.toThrow(/Invalid environment/);
    expect((await load({ TRUSTED_PROXIES: "127.0.0.1, ::1 10.0.0.0/8" })).env.TRUSTED_PROXIES).toBeTruthy();
  });
});
