import "server-only";
import { todayUtc } from "~/lib/days";
import { sweepDeadlines } from "~/features/deadlines/mutations";

// Runs the deadline sweep in the app process: once at start, then hourly. The timer is unref'd
// so it never keeps a process alive, and one per process (instrumentation may load twice).
// Several processes may run it at once: the sweep itself is safe under concurrency.
const HOUR = 3_600_000;
const g = globalThis as unknown as { wvDeadlineTimer?: NodeJS.Timeout };

async function runOnce() {
  try {
    const result = await sweepDeadlines(todayUtc());
    const { overdue, verdictsAsked } = result;
    if (overdue.length || verdictsAsked.length) console.log(`deadline sweep: ${overdue.length} parties overdue, ${verdictsAsked.length} commitments opened to verdicts`);
  } catch (err) {
    console.error("deadline sweep failed", err);
  }
}

export function startDeadlineSweeps() {
  if (g.wvDeadlineTimer) return;
  g.wvDeadlineTimer = setInterval(() => void runOnce(), HOUR);
  g.wvDeadlineTimer.unref();
  void runOnce();
}
