import { rekeyLegacyOwners, sealLegacyProfiles, tagLegacySignatures } from "~/features/accounts/sealing/mutations";
import { closeDb } from "~/server/db";

// Run after `prisma migrate deploy` (npm start, db:migrate, the e2e server): finishes what
// migration 20261202150000 could not do in SQL, because it needs keys that are not in the
// database (issue 11): workers' profiles sealed, petition owner keys made per petition,
// signatures' verified flags replaced by keyed tags. Idempotent; nothing to do costs 3 queries.
async function main() {
  const profiles = await sealLegacyProfiles();
  const owners = await rekeyLegacyOwners();
  const signatures = await tagLegacySignatures();
  if (profiles + owners + signatures > 0) console.log(`Sealed ${profiles} worker profile(s), re-keyed ${owners} petition owner(s), tagged ${signatures} signature(s).`);
}

main().finally(() => closeDb());
