import "server-only";
import { advanceDuePhases } from "~/features/campaigns/mutations";

// Date-driven work: campaign phases that follow their dates (and, for submissions, response
// clocks and promised dates). Every job is idempotent and safe to run from several processes
// at once, so it simply runs at start and then every hour; a job that fails is logged and
// tried again at the next tick.
const JOBS: { name: string; run: () => Promise<unknown> }[] = [{ name: "campaign phases", run: () => advanceDuePhases() }];

const HOUR = 60 * 60 * 1000;

async function tick() {
  for (const job of JOBS) {
    await job.run().catch((error: unknown) => console.error(`[scheduler] ${job.name} failed:`, error));
  }
}

export function startScheduler() {
  if (process.env.WV_DISABLE_SCHEDULER === "1") return;
  void tick();
  setInterval(() => void tick(), HOUR).unref();
}
