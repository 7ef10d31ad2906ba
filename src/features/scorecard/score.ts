import { METHOD_VERSION, MIN_DATA_SHARE, MIN_REPORTS, PRINCIPLES, THRESHOLDS, type Principle, type ShareTest, type Threshold, type Totals } from "~/features/scorecard/method";

// Pure scoring over totals of sealed cells (totals.ts): no database, no clock.

export type PointStatus = "awarded" | "not_met" | "needs_basic" | "not_enough_reports" | "no_minimum_wage" | "no_living_wage";
export type PointResult = { threshold: Threshold["id"]; status: PointStatus };
export type PrincipleScore = { basic: PointResult; advanced: PointResult; /** null: not enough evidence to score the principle. */ points: 0 | 1 | 2 | null };
export type Scorecard = {
  methodVersion: string;
  principles: Record<Principle, PrincipleScore>;
  /** 0 to 10, or null while any principle lacks the evidence to be scored. */
  total: number | null;
};

const EVIDENCE_STATUSES: readonly PointStatus[] = ["not_enough_reports", "no_minimum_wage", "no_living_wage"];
export const lacksEvidence = (s: PointStatus) => EVIDENCE_STATUSES.includes(s);

/** Percent thresholds compared in integers, so 3 of 5 is exactly 60%. */
const meets = (numerator: number, denominator: number, atLeast: number) => numerator * 100 >= Math.round(atLeast * 100) * denominator;

export function evaluateTest(test: ShareTest, t: Totals): PointStatus | "pass" | "fail" {
  const denominator = t[test.denominator];
  if (denominator < MIN_REPORTS) return test.missing && t.payData >= MIN_REPORTS ? test.missing : "not_enough_reports";
  if (test.newQuestion && !meets(denominator, t.n, MIN_DATA_SHARE)) return "not_enough_reports";
  return meets(t[test.numerator], denominator, test.atLeast) ? "pass" : "fail";
}

export function evaluateThreshold(threshold: Threshold, t: Totals): PointStatus {
  const results = threshold.tests.map((test) => evaluateTest(test, t));
  const missing = results.find((r): r is PointStatus => r !== "pass" && r !== "fail");
  if (missing) return missing;
  return results.every((r) => r === "pass") ? "awarded" : "not_met";
}

const thresholdOf = (principle: Principle, level: "basic" | "advanced") => THRESHOLDS.find((x) => x.principle === principle && x.level === level)!;

export function scorePrinciple(principle: Principle, t: Totals): PrincipleScore {
  const basicT = thresholdOf(principle, "basic");
  const advancedT = thresholdOf(principle, "advanced");
  const basic: PointResult = { threshold: basicT.id, status: evaluateThreshold(basicT, t) };
  const advancedStatus = evaluateThreshold(advancedT, t);
  // The advanced point only with the basic one.
  const advanced: PointResult = { threshold: advancedT.id, status: basic.status === "awarded" || lacksEvidence(advancedStatus) ? advancedStatus : "needs_basic" };
  if (lacksEvidence(basic.status)) return { basic, advanced, points: null };
  const points = basic.status !== "awarded" ? 0 : advanced.status === "awarded" ? 2 : 1;
  return { basic, advanced, points };
}

/** The scorecard of one scope (a platform, or a platform in a city and sector) over some sealed quarters. */
export function scorecard(t: Totals): Scorecard {
  const principles = Object.fromEntries(PRINCIPLES.map((p) => [p, scorePrinciple(p, t)])) as Record<Principle, PrincipleScore>;
  const points = PRINCIPLES.map((p) => principles[p].points);
  const total = points.every((x) => x !== null) ? points.reduce<number>((a, b) => a + b!, 0) : null;
  return { methodVersion: METHOD_VERSION, principles, total };
}
