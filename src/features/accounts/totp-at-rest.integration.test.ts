import { describe, expect, it } from "vitest";
import { TOTP, Secret } from "otpauth";
import { db } from "~/server/db";
import { sealPlaintextTotpSecrets, signInStaff } from "~/features/accounts/mutations";
import { makePlatform, makeStaff, STRONG_PASSWORD } from "~/test/factories";

// A copy of the database (dump, data directory, backup) must not hand out the staff's second
// factor: TOTP secrets are AES-256-GCM sealed with a key that lives outside the database.
async function dumpAccounts() {
  const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(a)::text AS row FROM "Account" a`;
  return rows.map((r) => r.row).join("\n");
}

describe("TOTP secrets at rest", () => {
  it("are stored sealed, never in clear", async () => {
    const admin = await makeStaff("ADMIN");
    const rep = await makeStaff("PLATFORM_REP", (await makePlatform()).id);
    const dump = await dumpAccounts();
    for (const secret of [admin.totpSecret!, rep.totpSecret!]) {
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(dump).not.toContain(secret);
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    const row = await db.account.findUniqueOrThrow({ where: { username: admin.username }, select: { totpSecret: true } });
    expect(row.totpSecret).toMatch(/^v1:/);
  });

  it("seals rows written in clear before this change, once, and they still sign in", async () => {
    const admin = await makeStaff("ADMIN");
    const plain = new Secret({ size: 20 }).base32;
    await db.account.update({ where: { username: admin.username }, data: { totpSecret: plain } });
    expect(await dumpAccounts()).toContain(plain);

    await sealPlaintextTotpSecrets();
    const sealed = (await db.account.findUniqueOrThrow({ where: { username: admin.username }, select: { totpSecret: true } })).totpSecret;
    expect(sealed).toMatch(/^v1:/);
    expect(await dumpAccounts()).not.toContain(plain);

    await sealPlaintextTotpSecrets();
    const again = (await db.account.findUniqueOrThrow({ where: { username: admin.username }, select: { totpSecret: true } })).totpSecret;
    expect(again).toBe(sealed);

    const totp = new TOTP({ secret: Secret.fromBase32(plain) }).generate();
    await expect(signInStaff({ username: admin.username, password: STRONG_PASSWORD, totp })).resolves.toMatchObject({ role: "ADMIN" });
  });
});
