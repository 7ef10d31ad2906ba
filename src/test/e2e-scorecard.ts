import { closeDb } from "~/server/db";
import { createPlatform } from "~/features/accounts/mutations";
import { submitReport } from "~/features/reports/mutations";
import { randomBytes } from "node:crypto";
import { validReport } from "~/test/report-input";
import { E2E_SCORECARD_PLATFORM, E2E_SCORECARD_REPORTS } from "~/test/e2e-scorecard-world";

// Fixtures for e2e/scorecard.spec.ts, written into that spec's own embedded database before its
// server starts (the embedded database allows one process). One platform with ten reports in
// 2026-Q2 whose pay after costs clears Beijing's minimum wage (40 active hours a week) and
// twenty in 2026-Q3 that do not (80 hours): the spec serves the app on a clock before and after
// 2026-Q3 is sealed, so the second batch moves the pay point only once its quarter is sealed.

async function file(slug: string, month: string, count: number, activeHoursPerWeek: number) {
  for (let i = 0; i < count; i++) {
    await submitReport({ accountId: `e2e-${randomBytes(8).toString("hex")}`, input: validReport({ platformSlug: slug, month, city: "beijing", activeHoursPerWeek }), today: new Date(`${month}-20T00:00:00Z`) });
  }
}

async function main() {
  await createPlatform({ ...E2E_SCORECARD_PLATFORM, sector: "FOOD_DELIVERY" });
  const { above, below } = E2E_SCORECARD_REPORTS;
  await file(E2E_SCORECARD_PLATFORM.slug, above.month, above.count, 40);
  await file(E2E_SCORECARD_PLATFORM.slug, below.month, below.count, 80);
}

await main().finally(closeDb);
