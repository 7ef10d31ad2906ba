import { rekeyLegacyAccounts } from "~/features/storage/mutations";
import { closeDb } from "~/server/db";

// Run after `prisma migrate deploy` (npm start, db:migrate, the e2e server): gives accounts made
// with cuid v1 ids an id that tells no time, keeping their nullifiers (src/server/legacy-account-ids.ts).
// A migration cannot do it (the key is not in the database); idempotent, one indexed query once done.
async function main() {
  const rekeyed = await rekeyLegacyAccounts();
  if (rekeyed > 0) console.log(`Re-keyed ${rekeyed} account(s) whose ids were time-ordered.`);
}

main().finally(() => closeDb());
