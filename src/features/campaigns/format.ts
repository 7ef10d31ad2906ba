/** Dates are stored as calendar days (UTC midnight); show them as such. */
export const day = (d: Date) => d.toISOString().slice(0, 10);
