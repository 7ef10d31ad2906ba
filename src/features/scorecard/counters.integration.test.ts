import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { SCORECARD_COUNTERS } from "~/features/scorecard/counters";

// The scorecard's counters are defined twice, in TypeScript (counters.ts, for readers) and in
// SQL (wv_scorecard_counts(), which the summary's triggers run): they must say the same.

describe("the scorecard's counters", () => {
  it("are the same conditions in counters.ts and in wv_scorecard_counts()", async () => {
    const rows = await db.$queryRaw<{ col: string; cond: string }[]>`SELECT col, cond FROM wv_scorecard_counts()`;
    expect(Object.fromEntries(rows.map((r) => [r.col, r.cond]))).toEqual(Object.fromEntries(Object.entries(SCORECARD_COUNTERS).map(([k, v]) => [k, v.sql])));
  });
});
