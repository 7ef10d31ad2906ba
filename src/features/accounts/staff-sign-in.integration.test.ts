import { describe, expect, it, vi } from "vitest";
import { TOTP, Secret } from "otpauth";
import { AppError } from "~/lib/app-error";
import * as credentials from "~/features/accounts/credentials";
import { signInStaff } from "~/features/accounts/mutations";
import { makePlatform, makeStaff, makeUnion, STRONG_PASSWORD } from "~/test/factories";

// Issue 13, part 3: a staff sign-in tells a guesser nothing (which part was wrong, whether the
// account exists or has TOTP), a TOTP code works once, and the secrets are not readable from a
// copy of the database.
vi.mock("~/features/accounts/credentials", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/features/accounts/credentials")>();
  return { ...actual, verifySecret: vi.fn(actual.verifySecret), checkTotp: vi.fn(actual.checkTotp) };
});

const codeAt = (secret: string, step: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
const nowStep = () => Math.floor(Date.now() / 30_000);

async function outcome(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (err) {
    return err instanceof AppError ? `${err.code}:${err.message}` : String(err);
  }
}

describe("staff sign-in", () => {
  it("gives one generic answer whatever part was wrong", async () => {
    const rep = await makeStaff("PLATFORM_REP", (await makePlatform()).id);
    const good = codeAt(rep.totpSecret!, nowStep());
    const answers = await Promise.all([
      outcome(signInStaff({ username: rep.username, password: STRONG_PASSWORD, totp: "" })),
      outcome(signInStaff({ username: rep.username, password: STRONG_PASSWORD, totp: good === "000000" ? "111111" : "000000" })),
      outcome(signInStaff({ username: rep.username, password: "Wrong-Password-123!", totp: good })),
      outcome(signInStaff({ username: rep.username, password: "Wrong-Password-123!", totp: "" })),
      outcome(signInStaff({ username: "nobody-at-all", password: STRONG_PASSWORD, totp: good })),
      outcome(signInStaff({ username: "nobody-at-all", password: STRONG_PASSWORD, totp: "" })),
    ]);
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(answers[0]).toMatch(/^INVALID_CREDENTIALS:/);
  });

  it("does the same work (one argon2 verify, one TOTP check) for unknown users and every account", async () => {
    const rep = await makeStaff("PLATFORM_REP", (await makePlatform()).id);
    const org = await makeStaff("ORGANISER", (await makeUnion()).id);
    const attempts = [
      { username: "nobody-at-all", password: STRONG_PASSWORD, totp: "123456" },
      { username: "nobody-at-all", password: STRONG_PASSWORD, totp: "" },
      { username: rep.username, password: "Wrong-Password-123!", totp: "123456" },
      { username: rep.username, password: STRONG_PASSWORD, totp: "" },
      { username: org.username, password: "Wrong-Password-123!", totp: "" },
    ];
    for (const attempt of attempts) {
      vi.mocked(credentials.verifySecret).mockClear();
      vi.mocked(credentials.checkTotp).mockClear();
      await outcome(signInStaff(attempt));
      expect(vi.mocked(credentials.verifySecret), attempt.username).toHaveBeenCalledTimes(1);
      expect(vi.mocked(credentials.checkTotp), attempt.username).toHaveBeenCalledTimes(1);
    }
  });

  it("lets organisers without TOTP in with the code field empty or filled", async () => {
    const org = await makeStaff("ORGANISER", (await makeUnion()).id);
    await expect(signInStaff({ username: org.username, password: STRONG_PASSWORD, totp: "" })).resolves.toMatchObject({ role: "ORGANISER" });
    await expect(signInStaff({ username: org.username, password: STRONG_PASSWORD, totp: "123456" })).resolves.toMatchObject({ role: "ORGANISER" });
  });

  it("accepts each TOTP step once: a replayed or older code is refused", async () => {
    const admin = await makeStaff("ADMIN");
    const step = nowStep();
    const creds = (totp: string) => ({ username: admin.username, password: STRONG_PASSWORD, totp });
    await expect(signInStaff(creds(codeAt(admin.totpSecret!, step)))).resolves.toMatchObject({ role: "ADMIN" });
    await expect(signInStaff(creds(codeAt(admin.totpSecret!, step)))).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(signInStaff(creds(codeAt(admin.totpSecret!, step - 1)))).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    // The next step (clock drift window) still works once.
    await expect(signInStaff(creds(codeAt(admin.totpSecret!, step + 1)))).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("lets exactly one of ten concurrent sign-ins with the same code through", async () => {
    const admin = await makeStaff("ADMIN");
    const code = codeAt(admin.totpSecret!, nowStep());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => outcome(signInStaff({ username: admin.username, password: STRONG_PASSWORD, totp: code }))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r.startsWith("INVALID_CREDENTIALS"))).toHaveLength(9);
  });
});
