import { createInterface } from "node:readline/promises";
import { createStaffAccount } from "~/features/accounts/mutations";
import { closeDb } from "~/server/db";
import { reportIncident } from "~/server/log";

// `npm run admin:create`: the first administrator. Reads ADMIN_USERNAME / ADMIN_PASSWORD when
// set (for scripted installs), otherwise asks. Prints the TOTP secret once: the database keeps
// it only sealed with TOTP_KEY, so this is the one time it is readable.
async function ask(question: string) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return answer.trim();
}

async function main() {
  const username = process.env.ADMIN_USERNAME ?? (await ask("Admin username: "));
  const password = process.env.ADMIN_PASSWORD ?? (await ask("Password (at least 12 characters): "));
  try {
    const created = await createStaffAccount({ role: "ADMIN", username, password });
    console.log(`Created admin "${created.username}".`);
    console.log(`TOTP secret (add it to an authenticator app now; it is not shown again): ${created.totpSecret}`);
    console.log(`otpauth URI: ${created.totpUri}`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "WEAK_PASSWORD" || code === "ALREADY_EXISTS") console.error(code === "WEAK_PASSWORD" ? "That password is too short or too common." : "That username is taken.");
    else reportIncident("admin:create", err);
    process.exitCode = 1;
  }
}

main().finally(() => closeDb());
