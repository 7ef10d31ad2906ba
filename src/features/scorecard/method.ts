// The scoring method: every threshold the scorecard uses, as data. The scoring functions
// (score.ts) and the methodology page (components/methodology.tsx) both read THRESHOLDS, and a
// test compares the page with them. Changing anything here is a new METHOD_VERSION: every
// score carries the version that made it.

export const METHOD_VERSION = "2026.1";

/** No point is awarded or refused on fewer reports than this (PRIVACY.md P4's k). */
export const MIN_REPORTS = 5;
/**
 * A question new to the report (costs, contracting party) scores a scope only when at least this
 * share of its reports answered it: older reports count as no data, and a handful of answers
 * among many silent reports may not speak for them.
 */
export const MIN_DATA_SHARE = 0.25;

/**
 * Petitions carry no response clock of their own: one addressed to a platform counts as
 * answered in time when the platform answered within this many days of it reaching its
 * threshold (the submissions' default clock, Submission.responseDays).
 */
export const PETITION_ANSWER_DAYS = 30;

export const PRINCIPLES = ["pay", "conditions", "contracts", "management", "representation"] as const;
export type Principle = (typeof PRINCIPLES)[number];
export type Level = "basic" | "advanced";

/** Totals over the sealed cells of a scope, plus the portal record: what the tests divide. */
export type Totals = {
  n: number;
  /** Reports with pay data in cities with a minimum wage on file, and those at or above it. */
  payMinimumBase: number;
  payAtMinimum: number;
  /** Reports with pay data in cities with a living-wage estimate on file, and those at or above it. */
  payLivingBase: number;
  payAtLiving: number;
  /** Reports with pay data, wherever filed. */
  payData: number;
  partyAnswered: number;
  partyIdentified: number;
  safetyTraining: number;
  equipmentProvided: number;
  accident: number;
  accidentCovered: number;
  labourContract: number;
  socialInjury: number;
  notDeactivatedWithoutAppeal: number;
  penaltiesExplained: number;
  payChangesExplained: number;
  /** Submissions and petitions addressed to the platform whose answer clock has run out or that it answered, and those answered in time. */
  addressed: number;
  answeredInTime: number;
  /** Workers' verdicts on the platform's commitments, and those saying "done". */
  verdicts: number;
  verdictsDone: number;
};
export type TotalKey = keyof Totals;

/**
 * One share test: numerator / denominator >= atLeast, on at least MIN_REPORTS in the
 * denominator. `newQuestion`: the denominator is the reports that answered a question older
 * reports lack, so it must also reach MIN_DATA_SHARE of all reports. `missing` names why a
 * denominator can be empty other than too few reports (no wage on file).
 */
export type ShareTest = {
  id: string;
  numerator: TotalKey;
  denominator: TotalKey;
  atLeast: number;
  newQuestion?: boolean;
  missing?: "no_minimum_wage" | "no_living_wage";
};

export type Threshold = { id: `${Principle}.${Level}`; principle: Principle; level: Level; tests: readonly ShareTest[]; source: string };

export const THRESHOLDS: readonly Threshold[] = [
  {
    id: "pay.basic",
    principle: "pay",
    level: "basic",
    // At least half at or above: the median net hourly pay after costs is at or above the wage.
    tests: [{ id: "medianAtMinimumWage", numerator: "payAtMinimum", denominator: "payMinimumBase", atLeast: 0.5, newQuestion: true, missing: "no_minimum_wage" }],
    source: "minimumWage",
  },
  {
    id: "pay.advanced",
    principle: "pay",
    level: "advanced",
    tests: [{ id: "medianAtLivingWage", numerator: "payAtLiving", denominator: "payLivingBase", atLeast: 0.5, newQuestion: true, missing: "no_living_wage" }],
    source: "fairwork",
  },
  {
    id: "conditions.basic",
    principle: "conditions",
    level: "basic",
    tests: [
      { id: "safetyTraining", numerator: "safetyTraining", denominator: "n", atLeast: 0.6 },
      { id: "equipmentProvided", numerator: "equipmentProvided", denominator: "n", atLeast: 0.6 },
    ],
    source: "guidingOpinions",
  },
  {
    id: "conditions.advanced",
    principle: "conditions",
    level: "advanced",
    tests: [{ id: "accidentCovered", numerator: "accidentCovered", denominator: "accident", atLeast: 0.6 }],
    source: "guidingOpinions",
  },
  {
    id: "contracts.basic",
    principle: "contracts",
    level: "basic",
    tests: [{ id: "partyIdentified", numerator: "partyIdentified", denominator: "partyAnswered", atLeast: 0.8, newQuestion: true }],
    source: "guidingOpinions",
  },
  {
    id: "contracts.advanced",
    principle: "contracts",
    level: "advanced",
    tests: [
      { id: "labourContract", numerator: "labourContract", denominator: "n", atLeast: 0.5 },
      { id: "socialInjury", numerator: "socialInjury", denominator: "n", atLeast: 0.5 },
    ],
    source: "laborContractLaw",
  },
  {
    id: "management.basic",
    principle: "management",
    level: "basic",
    tests: [{ id: "noDeactivationWithoutAppeal", numerator: "notDeactivatedWithoutAppeal", denominator: "n", atLeast: 0.95 }],
    source: "algorithmRules",
  },
  {
    id: "management.advanced",
    principle: "management",
    level: "advanced",
    tests: [
      { id: "penaltiesExplained", numerator: "penaltiesExplained", denominator: "n", atLeast: 0.6 },
      { id: "payChangesExplained", numerator: "payChangesExplained", denominator: "n", atLeast: 0.6 },
    ],
    source: "algorithmRules",
  },
  {
    id: "representation.basic",
    principle: "representation",
    level: "basic",
    tests: [{ id: "answeredInTime", numerator: "answeredInTime", denominator: "addressed", atLeast: 0.8 }],
    source: "portal",
  },
  {
    id: "representation.advanced",
    principle: "representation",
    level: "advanced",
    tests: [{ id: "commitmentsDone", numerator: "verdictsDone", denominator: "verdicts", atLeast: 0.5 }],
    source: "portal",
  },
];

/** The sources the methodology page cites, by key (their names are in the messages). */
export const SOURCES = ["minimumWage", "fairwork", "guidingOpinions", "laborContractLaw", "algorithmRules", "portal"] as const;
