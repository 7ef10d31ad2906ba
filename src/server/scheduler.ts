import "server-only";
import { chinaToday } from "~/lib/days";
import { reportIncident } from "~/server/log";
import { purgeExpiredSessions, purgeSpentChallenges } from "~/features/accounts/mutations";
import { advanceDuePhases } from "~/features/campaigns/mutations";
import { sweepDeadlines } from "~/features/deadlines/mutations";
import { statsPeriod } from "~/features/reports/months";
import { sealMonths } from "~/features/stats/data";
import { sealQuarters } from "~/features/stats/lattice/data";
import { lastSealedQuarters, STATS_QUARTERS } from "~/features/stats/lattice/quarters";
import { purgeInviteCodes } from "~/features/verification/mutations";
import { shuffleAccountLinkedRows } from "~/features/storage/mutations";
import { releaseDueFigures } from "~/features/stats/releases/mutations";
import { claimJob, forgetOldClaims, hourOf } from "~/server/cluster/job-claims";

// Date-driven work: summarising each month of condition reports once it closes and sealing
// each quarter of the statistics lattice once it is due (so the first
// statistics page or submission of a month does not pay for it), campaign phases that follow
// their dates, and submission deadlines (overdue response clocks, commitments whose date passed
// and are opened to workers' verdicts), and deleting sessions whose last day has passed (P2:
// the session table holds live sessions only). Every job is idempotent and safe to run from several
// processes at once, but with several app instances they run once per hour between them: every
// process ticks at start and then every few minutes, and runs the hour's pass only when it wins
// the claim for the current hour (src/server/cluster/job-claims.ts). A job that fails is logged
// and tried again in the next hour's pass. The timer is unref'd so it never
// keeps a process alive, and there is one per process (instrumentation may load twice).
const JOBS: { name: string; run: () => Promise<string | null> }[] = [
  {
    name: "spent join challenges",
    run: async () => {
      const purged = await purgeSpentChallenges();
      return purged ? `${purged} expired join challenges purged` : null;
    },
  },
  {
    name: "statistics summary",
    run: async () => {
      const { from, to } = statsPeriod(chinaToday());
      const sealed = await sealMonths(from.toISOString().slice(0, 10), to.toISOString().slice(0, 10));
      return sealed ? `${sealed} closed months summarised` : null;
    },
  },
  {
    // The lattice every condition statistic is read from: each platform's quarter is sealed
    // (and frozen) once its last edit window closed. Readers seal what is missing themselves.
    name: "sealed quarters",
    run: async () => {
      const sealed = await sealQuarters(lastSealedQuarters(chinaToday(), STATS_QUARTERS + 4));
      return sealed ? `${sealed} platform quarters sealed` : null;
    },
  },
  {
    name: "campaign phases",
    run: async () => {
      const { moved } = await advanceDuePhases();
      return moved ? `${moved} campaign phase changes` : null;
    },
  },
  {
    name: "deadline sweep",
    run: async () => {
      const { overdue, verdictsAsked } = await sweepDeadlines(chinaToday());
      return overdue.length || verdictsAsked.length ? `${overdue.length} parties overdue, ${verdictsAsked.length} commitments opened to verdicts` : null;
    },
  },
  {
    name: "invite codes",
    run: async () => {
      const purged = await purgeInviteCodes(chinaToday());
      return purged ? `${purged} expired invite codes deleted` : null;
    },
  },
  {
    // Normally the write that makes a release due makes it; this catches one whose releaser
    // failed or lost the lock. Only figures that are due (5 or more distinct actors) move.
    name: "figure releases",
    run: async () => {
      const released = await releaseDueFigures();
      return released ? `${released} stepped figures released` : null;
    },
  },
  {
    name: "session purge",
    run: async () => {
      const purged = await purgeExpiredSessions(chinaToday());
      return purged ? `${purged} expired sessions deleted` : null;
    },
  },
  {
    // Last, after the purge: account-linked rows rewritten as one batch in random order (P3).
    name: "account-linked rows shuffle",
    run: async () => {
      const done = await shuffleAccountLinkedRows();
      return done ? `${done.rows} rows of ${done.tables.length} account-linked tables rewritten` : null;
    },
  },
];

/** How often a process looks for an hour's unclaimed jobs; a claimed job runs once an hour. */
const TICK_MS = 5 * 60_000;
const g = globalThis as unknown as { wvScheduler?: NodeJS.Timeout };

/** One pass of every job, as each hourly tick runs it (exported for tests). */
export async function runDueJobs() {
  for (const job of JOBS) {
    try {
      const done = await job.run();
      if (done) console.log(`[scheduler] ${job.name}: ${done}`);
    } catch (error) {
      reportIncident(`scheduler ${job.name}`, error);
    }
  }
}

/**
 * One tick: if no instance has run this hour's pass yet, this process claims it and runs every
 * job in order (the shuffle after the purge). Logs one line naming the hour when it ran the
 * pass (the two-instance test reads it). A job that fails is logged and runs again next hour;
 * a pass cut short by a crash is caught up by the next hour's (every job catches up).
 */
export async function runClaimedJobs(now = Date.now()): Promise<boolean> {
  const hour = hourOf(now);
  try {
    if (!(await claimJob("hourly jobs", hour))) return false;
  } catch (error) {
    reportIncident("scheduler claim", error);
    return false;
  }
  await runDueJobs();
  console.log(`[scheduler] hour ${hour}: ran ${JOBS.length} jobs`);
  await forgetOldClaims(hour).catch((error: unknown) => reportIncident("scheduler claims", error));
  return true;
}

export function startScheduler() {
  if (process.env.WV_DISABLE_SCHEDULER === "1" || g.wvScheduler) return;
  g.wvScheduler = setInterval(() => void runClaimedJobs(), TICK_MS);
  g.wvScheduler.unref();
  void runClaimedJobs();
}
