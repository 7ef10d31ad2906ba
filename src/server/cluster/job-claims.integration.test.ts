import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { claimJob, forgetOldClaims, hourOf } from "~/server/cluster/job-claims";
import { runClaimedJobs } from "~/server/scheduler";

// Issue 15: with several app instances on one database, the scheduled jobs run once an hour
// between them, whoever ticks first.
describe("scheduled jobs across instances", () => {
  // An hour far from now, so other files' scheduler runs never share it.
  const hour = hourOf(Date.now()) + 10_000 + Math.floor(Math.random() * 100_000);

  it("run once per hour however many ticks race for it", async () => {
    const at = hour * 3_600_000 + 1_000;
    const ticks = await Promise.all([runClaimedJobs(at), runClaimedJobs(at), runClaimedJobs(at + 60_000)]);
    expect(ticks.filter(Boolean)).toHaveLength(1);
    expect(await runClaimedJobs(at + 120_000)).toBe(false);
    // The next hour runs them again.
    expect(await runClaimedJobs(at + 3_600_000)).toBe(true);
  });

  it("let one claim win", async () => {
    const results = await Promise.all([claimJob("test job", hour), claimJob("test job", hour)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keep no claims older than two days", async () => {
    await claimJob("old job", hour - 100);
    await forgetOldClaims(hour);
    expect(await db.jobClaim.count({ where: { job: "old job" } })).toBe(0);
  });
});
