// National figures quoted in shared/DOMAIN.md, shown beside the app's own figures with their
// source. Shares are fractions; `bound` marks "fewer than".

export const SOURCE_2023 = "report2023";
export const SOURCE_LABOUR_LAW = "labourLaw";

export type NationalFigure = { value: number; bound?: "lt"; source: typeof SOURCE_2023 | typeof SOURCE_LABOUR_LAW };

export const NATIONAL = {
  /** Fewer than 10% pay into the urban employee pension scheme. */
  employeePension: { value: 0.1, bound: "lt", source: SOURCE_2023 },
  /** 28.1% have no pension insurance. */
  noPension: { value: 0.281, source: SOURCE_2023 },
  /** Of those in the resident scheme, 65.51% pay at the lowest level (200 yuan a year). */
  residentLowest: { value: 0.6551, source: SOURCE_2023 },
  /** The legal working day. */
  legalHours: { value: 8, source: SOURCE_LABOUR_LAW },
} as const satisfies Record<string, NationalFigure>;
