import { describe, expect, it } from "vitest";
import { METHOD_VERSION, MIN_REPORTS, THRESHOLDS, type Totals } from "~/features/scorecard/method";
import { evaluateThreshold, scorecard } from "~/features/scorecard/score";

/** A scope of n reports that meets every threshold with everything answered. */
function passing(n = 20): Totals {
  return {
    n,
    payMinimumBase: n,
    payAtMinimum: n,
    payLivingBase: n,
    payAtLiving: n,
    payData: n,
    partyAnswered: n,
    partyIdentified: n,
    safetyTraining: n,
    equipmentProvided: n,
    accident: n,
    accidentCovered: n,
    labourContract: n,
    socialInjury: n,
    notDeactivatedWithoutAppeal: n,
    penaltiesExplained: n,
    payChangesExplained: n,
    addressed: n,
    answeredInTime: n,
    verdicts: n,
    verdictsDone: n,
  };
}

describe("every threshold at its edges", () => {
  for (const threshold of THRESHOLDS) {
    for (const test of threshold.tests) {
      describe(`${threshold.id} / ${test.id} (at least ${test.atLeast * 100}%)`, () => {
        // 100 in the denominator puts the edge on a whole report.
        const at = Math.round(test.atLeast * 100);
        const totals = (numerator: number, denominator = 100) => ({ ...passing(100), [test.denominator]: denominator, [test.numerator]: numerator });

        it("is met exactly at the threshold", () => expect(evaluateThreshold(threshold, totals(at))).toBe("awarded"));
        it("is not met one report below it", () => expect(evaluateThreshold(threshold, totals(at - 1))).toBe("not_met"));
        it(`needs ${MIN_REPORTS} reports behind it, not ${MIN_REPORTS - 1}`, () => {
          const few = (k: number) => ({ ...totals(k, k), ...(test.newQuestion ? { n: k } : {}), ...(test.missing ? { payData: k } : {}) });
          expect(evaluateThreshold(threshold, few(MIN_REPORTS - 1))).toBe("not_enough_reports");
          expect(evaluateThreshold(threshold, few(MIN_REPORTS))).toBe("awarded");
        });
        if (test.newQuestion) {
          it("needs a quarter of the scope's reports to have answered the new question", () => {
            expect(evaluateThreshold(threshold, { ...totals(25, 25), n: 100 })).toBe("awarded");
            expect(evaluateThreshold(threshold, { ...totals(24, 24), n: 100 })).toBe("not_enough_reports");
          });
        }
      });
    }
  }
});

describe("figures behind the thresholds", () => {
  const t = (o: Partial<Totals>) => ({ ...passing(5), ...o });
  const status = (id: string, o: Partial<Totals>) => evaluateThreshold(THRESHOLDS.find((x) => x.id === id)!, t(o));

  it("pay: the median is at the minimum wage when half the reports are", () => {
    expect(status("pay.basic", { payMinimumBase: 10, payAtMinimum: 5 })).toBe("awarded");
    expect(status("pay.basic", { payMinimumBase: 10, payAtMinimum: 4 })).toBe("not_met");
  });
  it("pay: no minimum wage on file is said so, never guessed", () => {
    expect(status("pay.basic", { payData: 30, payMinimumBase: 0, payAtMinimum: 0 })).toBe("no_minimum_wage");
    expect(status("pay.basic", { payData: 4, payMinimumBase: 4, payAtMinimum: 4 })).toBe("not_enough_reports");
    expect(status("pay.advanced", { payData: 30, payLivingBase: 0, payAtLiving: 0 })).toBe("no_living_wage");
  });
  it("conditions: 3 of 5 trained and equipped is 60%, 2 of 5 is not", () => {
    expect(status("conditions.basic", { safetyTraining: 3, equipmentProvided: 3 })).toBe("awarded");
    expect(status("conditions.basic", { safetyTraining: 3, equipmentProvided: 2 })).toBe("not_met");
  });
  it("conditions: accident compensation needs 5 accidents reported", () => {
    expect(status("conditions.advanced", { accident: 4, accidentCovered: 4 })).toBe("not_enough_reports");
    expect(status("conditions.advanced", { accident: 5, accidentCovered: 3 })).toBe("awarded");
  });
  it("contracts: 4 of 5 naming the party is 80%", () => {
    expect(status("contracts.basic", { partyAnswered: 5, partyIdentified: 4 })).toBe("awarded");
    expect(status("contracts.basic", { partyAnswered: 5, partyIdentified: 3 })).toBe("not_met");
  });
  it("management: 19 of 20 not deactivated without appeal is 95%, 18 is not", () => {
    expect(evaluateThreshold(THRESHOLDS.find((x) => x.id === "management.basic")!, { ...passing(20), notDeactivatedWithoutAppeal: 19 })).toBe("awarded");
    expect(evaluateThreshold(THRESHOLDS.find((x) => x.id === "management.basic")!, { ...passing(20), notDeactivatedWithoutAppeal: 18 })).toBe("not_met");
  });
  it("representation: needs 5 submissions or petitions addressed, and 5 verdicts", () => {
    expect(status("representation.basic", { addressed: 4, answeredInTime: 4 })).toBe("not_enough_reports");
    expect(status("representation.basic", { addressed: 5, answeredInTime: 4 })).toBe("awarded");
    expect(status("representation.advanced", { verdicts: 6, verdictsDone: 3 })).toBe("awarded");
    expect(status("representation.advanced", { verdicts: 6, verdictsDone: 2 })).toBe("not_met");
  });
});

describe("the scorecard", () => {
  it("scores 10 of 10 when everything passes, and says which method made it", () => {
    const card = scorecard(passing());
    expect(card.total).toBe(10);
    expect(card.methodVersion).toBe(METHOD_VERSION);
    expect(Object.values(card.principles).every((p) => p.points === 2)).toBe(true);
  });

  it("gives the advanced point only with the basic one", () => {
    const card = scorecard({ ...passing(), safetyTraining: 0 });
    expect(card.principles.conditions).toEqual({
      basic: { threshold: "conditions.basic", status: "not_met" },
      advanced: { threshold: "conditions.advanced", status: "needs_basic" },
      points: 0,
    });
    expect(card.total).toBe(8);
  });

  it("shows not enough reports instead of a score, and no total", () => {
    const card = scorecard(passing(4));
    for (const p of Object.values(card.principles)) {
      expect(p.points).toBeNull();
      expect(p.basic.status).toBe("not_enough_reports");
    }
    expect(card.total).toBeNull();
  });

  it("scores a principle with evidence while another lacks it", () => {
    const card = scorecard({ ...passing(), addressed: 0, answeredInTime: 0 });
    expect(card.principles.representation.points).toBeNull();
    expect(card.principles.pay.points).toBe(2);
    expect(card.total).toBeNull();
  });

  it("counts reports filed before the new questions as no data", () => {
    // 40 reports, of which only 5 were filed after the costs and contracting-party questions.
    const card = scorecard({ ...passing(40), payData: 5, payMinimumBase: 5, payAtMinimum: 5, payLivingBase: 5, payAtLiving: 5, partyAnswered: 5, partyIdentified: 5 });
    expect(card.principles.pay.basic.status).toBe("not_enough_reports");
    expect(card.principles.contracts.basic.status).toBe("not_enough_reports");
    expect(card.principles.conditions.points).toBe(2);
  });
});
