import type { ScorecardCounter } from "~/features/scorecard/counters";
import type { Totals } from "~/features/scorecard/method";
import { countAtOrAbove, histogramTotal, wageInForce, type Histogram, type Wage } from "~/features/scorecard/pay";
import { quarterStart, type QuarterKey } from "~/features/scorecard/quarters";

/** One sealed cell (platform x city x sector x quarter) as the scorecard reads it: plain counts. */
export type CellSummary = {
  city: string;
  quarter: QuarterKey;
  counts: Record<ScorecardCounter | "n" | "noContract" | "noSocialInjury" | "accident", number>;
  /** Net income after costs per active hour, in tenths of a yuan (measure NET_AFTER_COSTS_PER_ACTIVE_HOUR). */
  payHistogram: Histogram;
};

/** The platform's record on the portal over the same quarters. */
export type PortalRecord = { addressed: number; answeredInTime: number; verdicts: number; verdictsDone: number };

export const NO_PORTAL_RECORD: PortalRecord = { addressed: 0, answeredInTime: 0, verdicts: 0, verdictsDone: 0 };

/**
 * Adds up a scope's cells. Each cell's pay is measured against its own city's wage in force on
 * its quarter's first day; cells of a city without one (the "other" city always) add to
 * payData but to neither wage base.
 */
export function totalsOf(cells: readonly CellSummary[], portal: PortalRecord, wages: readonly Wage[]): Totals {
  const t: Totals = {
    n: 0,
    payMinimumBase: 0,
    payAtMinimum: 0,
    payLivingBase: 0,
    payAtLiving: 0,
    payData: 0,
    partyAnswered: 0,
    partyIdentified: 0,
    safetyTraining: 0,
    equipmentProvided: 0,
    accident: 0,
    accidentCovered: 0,
    labourContract: 0,
    socialInjury: 0,
    notDeactivatedWithoutAppeal: 0,
    penaltiesExplained: 0,
    payChangesExplained: 0,
    ...portal,
  };
  for (const cell of cells) {
    const c = cell.counts;
    t.n += c.n;
    t.partyAnswered += c.scorePartyAnswered;
    t.partyIdentified += c.scorePartyIdentified;
    t.safetyTraining += c.scoreSafetyTraining;
    t.equipmentProvided += c.scoreEquipmentProvided;
    t.accident += c.accident;
    t.accidentCovered += c.scoreAccidentCovered;
    t.labourContract += c.n - c.noContract;
    t.socialInjury += c.n - c.noSocialInjury;
    t.notDeactivatedWithoutAppeal += c.n - c.scoreDeactivatedNoAppeal;
    t.penaltiesExplained += c.scorePenaltiesExplained;
    t.payChangesExplained += c.scorePayChangesExplained;

    const withPay = histogramTotal(cell.payHistogram);
    t.payData += withPay;
    const day = quarterStart(cell.quarter);
    const minimum = wageInForce(wages, "MINIMUM_PART_TIME_HOURLY", cell.city, day);
    if (minimum) {
      t.payMinimumBase += withPay;
      t.payAtMinimum += countAtOrAbove(cell.payHistogram, minimum.hourlyFen);
    }
    const living = wageInForce(wages, "LIVING_HOURLY", cell.city, day);
    if (living) {
      t.payLivingBase += withPay;
      t.payAtLiving += countAtOrAbove(cell.payHistogram, living.hourlyFen);
    }
  }
  return t;
}
