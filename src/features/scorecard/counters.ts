// THE SCORECARD'S COUNTERS, in one place. Each is a column of "ReportSummary" (so of every
// sealed cell) counting the reports of a cell that meet a condition on the report row r. The
// migration 20261203070000_scorecard_fields holds the same conditions in wv_scorecard_counts(),
// which the summary's counting rules include; counters.integration.test.ts keeps the two equal.
// Sealing (src/features/stats/lattice/data.ts) carries these columns, rounded, into SealedCell,
// and the histogram measure NET_AFTER_COSTS_PER_ACTIVE_HOUR, rounded as counts at or above each
// value, into SealedHistogram; the scorecard reads only those.

const AFTER_COSTS = `wv_net_after_costs_tenths(r."monthlyNetIncome", r."activeHoursPerWeek", r."costVehicle", r."costEnergy", r."costPhone", r."costEquipment", r."costInsurance", r."costFees")`;

export const SCORECARD_COUNTERS = {
  scorePayData: { sql: `${AFTER_COSTS} IS NOT NULL`, means: "active hours and at least one work cost answered" },
  scorePartyAnswered: { sql: `r."contractParty" IS NOT NULL`, means: "the contracting-party question answered" },
  scorePartyIdentified: { sql: `r."contractParty" IN ('PLATFORM', 'SUBCONTRACTOR', 'OUTSOURCING_FIRM')`, means: "names the party they contract with" },
  scoreSafetyTraining: { sql: `r."safetyTraining"`, means: "had safety training" },
  scoreEquipmentProvided: { sql: `cardinality(r."equipmentProvided") > 0`, means: "the platform provides some protective equipment" },
  scoreAccidentCovered: { sql: `r."accident" <> 'NONE' AND r."compensatedBy" IN ('PLATFORM', 'WORK_INJURY_INSURANCE')`, means: "an accident paid for by the platform or social work-injury insurance" },
  scoreDeactivatedNoAppeal: { sql: `r."deactivated" AND r."appealPossible" IS NOT TRUE`, means: "deactivated without a possible appeal" },
  scorePenaltiesExplained: { sql: `r."unexplainedPenalties" = 'NEVER'`, means: "never an unexplained penalty" },
  scorePayChangesExplained: { sql: `r."unexplainedPayChanges" = 'NEVER'`, means: "never an unexplained pay change" },
} as const;

export type ScorecardCounter = keyof typeof SCORECARD_COUNTERS;
export const SCORECARD_COUNTER_KEYS = Object.keys(SCORECARD_COUNTERS) as ScorecardCounter[];

/** The summary's existing columns the scorecard also reads. */
export const SUMMARY_COUNTERS_USED = ["n", "noContract", "noSocialInjury", "accident"] as const;

/** The histogram measure of net income after costs per active hour, in tenths of a yuan. */
export const PAY_MEASURE = "NET_AFTER_COSTS_PER_ACTIVE_HOUR" as const;
