import { closeDb, db } from "~/server/db";
import { seedBase } from "./seed/base";
import { seedReports } from "./seed/reports";
import { seedPetitions } from "./seed/petitions";
import { seedCampaigns } from "./seed/campaigns";
import { seedSubmissions } from "./seed/submissions";
import { DEMO } from "./seed/demo-credentials";

// `npm run db:seed`: fills an empty database with a living demo portal. `npm start` runs it
// with --if-empty; without that flag a database that already has data is left alone too, since
// seeding twice would clash on the demo names.

function printCredentials() {
  const lines = [
    "Demo accounts (fictional; change or remove them before real use):",
    `  worker key:    ${DEMO.worker.key}   (sign in at /sign-in)`,
    `  organiser:     ${DEMO.organiser.username} / ${DEMO.organiser.password}   (at /staff/sign-in)`,
    `  admin:         ${DEMO.admin.username} / ${DEMO.admin.password}   TOTP secret ${DEMO.admin.totpSecret}`,
    ...Object.values(DEMO.reps).map((r) => `  platform rep:  ${r.username} / ${r.password}   TOTP secret ${r.totpSecret}`),
    "  (TOTP codes: add the secret to any authenticator app.)",
  ];
  console.log(lines.join("\n"));
}

async function main() {
  const existing = await db.platform.count();
  if (existing > 0) {
    console.log("Database already has data: seed skipped.");
  } else {
    const started = Date.now();
    const ctx = await seedBase();
    await seedReports(ctx);
    await seedPetitions(ctx);
    await seedCampaigns(ctx);
    await seedSubmissions(ctx);
    console.log(`Seeded demo data (${ctx.workerCount} worker accounts) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  if (await db.account.findUnique({ where: { username: DEMO.admin.username }, select: { id: true } })) printCredentials();
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  // Exit even if closing the embedded database stalls: every write above is committed already.
  .finally(async () => {
    await Promise.race([closeDb(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    process.exit();
  });
