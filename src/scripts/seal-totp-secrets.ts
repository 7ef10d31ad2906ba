import { sealPlaintextTotpSecrets } from "~/features/accounts/mutations";
import { closeDb } from "~/server/db";

// Run after `prisma migrate deploy` (npm start, db:migrate, the e2e server): seals TOTP secrets
// that versions before sealing stored in clear. A migration cannot do it (the key is not in the
// database); this step is idempotent, so running it at every start costs one indexed query.
async function main() {
  const sealed = await sealPlaintextTotpSecrets();
  if (sealed > 0) console.log(`Sealed ${sealed} TOTP secret(s) that were stored in clear.`);
}

main().finally(() => closeDb());
