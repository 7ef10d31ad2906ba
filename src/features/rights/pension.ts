// Flexible employees in the urban employee pension scheme pay 20% of a base they choose between
// 60% and 300% of the provincial average wage: 12 points to the pooled fund, 8 to their own
// account (Guo Fa [2005] No. 38; provincial base rules). Pure, so the calculator is testable.

export const RATE = { total: 0.2, pooled: 0.12, personal: 0.08 } as const;
export const BASE_PERCENT = { min: 60, max: 300 } as const;
export const PERIODS = { perMonth: 1, perQuarter: 3, perHalfYear: 6, perYear: 12 } as const;

const yuan = (v: number) => Math.round(v * 100) / 100;

export function pensionContribution(averageWage: number, basePercent: number) {
  const percent = Math.min(BASE_PERCENT.max, Math.max(BASE_PERCENT.min, basePercent));
  const base = yuan((averageWage * percent) / 100);
  return {
    percent,
    base,
    periods: Object.fromEntries(
      Object.entries(PERIODS).map(([period, months]) => [
        period,
        { total: yuan(base * RATE.total * months), pooled: yuan(base * RATE.pooled * months), personal: yuan(base * RATE.personal * months) },
      ]),
    ) as Record<keyof typeof PERIODS, { total: number; pooled: number; personal: number }>,
  };
}
