import type { Totals } from "~/features/scorecard/method";
import { scorecard } from "~/features/scorecard/score";
import type { PlatformScorecard, ScopeScore } from "~/features/scorecard/types";

// Read-model fixtures for the components' tests: real scorecards from score.ts over chosen totals.

export function totals(n: number, over: Partial<Totals> = {}): Totals {
  const all = { n, payMinimumBase: n, payAtMinimum: n, payLivingBase: n, payAtLiving: 0, payData: n, partyAnswered: n, partyIdentified: n, safetyTraining: n, equipmentProvided: n, accident: n, accidentCovered: 0 };
  return { ...all, labourContract: 0, socialInjury: 0, notDeactivatedWithoutAppeal: n, penaltiesExplained: n, payChangesExplained: n, addressed: n, answeredInTime: n, verdicts: n, verdictsDone: n, ...over };
}

export const scope = (over: Partial<ScopeScore> & { t: Totals }): ScopeScore => ({
  city: null,
  sector: null,
  quarters: ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"],
  card: scorecard(over.t),
  reports: over.t.n,
  verifiedShare: 0.4,
  ...over,
});

/** Pay 1, conditions 1, contracts 1, management 2, representation 2: a total of 7. */
export const scoredPlatform: PlatformScorecard = {
  platformId: "p1",
  slug: "fengniao",
  nameZh: "蜂鸟",
  nameEn: "Fengniao",
  overall: scope({ t: totals(40) }),
  scopes: [scope({ city: "shanghai", sector: "FOOD_DELIVERY", t: totals(20, { payAtMinimum: 5 }), verifiedShare: null })],
  history: [
    { quarter: "2026-Q1", card: scorecard(totals(3)), reports: 5 },
    { quarter: "2026-Q2", card: scorecard(totals(20, { payAtMinimum: 5 })), reports: 20 },
    { quarter: "2026-Q3", card: scorecard(totals(40)), reports: 40 },
  ],
};

/** Too few reports for any principle. */
export const unscoredPlatform: PlatformScorecard = {
  platformId: "p2",
  slug: "kuaipao",
  nameZh: "快跑",
  nameEn: "Kuaipao",
  overall: scope({ t: totals(0), quarters: [], verifiedShare: null }),
  scopes: [],
  history: [],
};
