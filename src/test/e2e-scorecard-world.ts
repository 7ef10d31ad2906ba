// The world of e2e/scorecard.spec.ts, shared by the spec and its seed script (e2e-scorecard.ts).
export const E2E_SCORECARD_PLATFORM = { slug: "scorecard-e2e", nameZh: "评分测试配送", nameEn: "Scorecard Test Delivery" };
/** Ten reports in 2026-Q2 above Beijing's minimum wage after costs, twenty in 2026-Q3 below it. */
export const E2E_SCORECARD_REPORTS = { above: { month: "2026-05", count: 10 }, below: { month: "2026-08", count: 20 } };
/** A day on which 2026-Q2 is the last sealed quarter, and one on which 2026-Q3 is sealed too. */
export const E2E_SCORECARD_DAYS = { before: "2026-09-15T04:00:00Z", after: "2026-10-15T04:00:00Z" };
