import { expect } from "vitest";
import { joinInput } from "../../../e2e/support/join-proof";
import type { ServedApp } from "./served-app";
import { bodyOf, send, type Kind, type Outcome, type Targets } from "./writes";

// The app-crash tests' steps (issue 14, PRIVACY.md P9): a burst of writes against the
// production server, SIGKILL in the middle of it, and the check, as each worker sees it after a
// restart, that every acknowledged write is there.

type Fixtures = typeof import("./fixtures");

/** Fixtures written by this process, which then lets go of the database for the app. */
export async function prepare(workers: number) {
  const f: Fixtures = await import("./fixtures");
  const targets = await f.targets();
  const ws = await f.signedInWorkers(workers);
  const { closeDb } = await import("~/server/db");
  await closeDb();
  return { targets, ws };
}

/** GET a tRPC query as a worker: what their phone shows after the crash. */
async function query(app: ServedApp, cookie: string, proc: string, input?: unknown) {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetch(`${app.url}/api/trpc/${proc}${qs}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function counted(app: ServedApp, cookie: string, kind: Kind, t: Targets) {
  if (kind === "ballot") return !!(await query(app, cookie, "ballots.mine", { campaignId: t.campaignId }));
  if (kind === "signature") return !!(await query(app, cookie, "petitions.mySignature", { petitionId: t.petitionId }));
  return ((await query(app, cookie, "reports.mine")) as unknown[]).length > 0;
}

/**
 * Writes 8 at a time (and an account creation beside them) until `killAfter` have been
 * acknowledged, then SIGKILL while the next ones are in flight.
 */
export async function burstAndKill(app: ServedApp, ws: { cookie: string }[], t: Targets, killAfter: number) {
  const jobs: { kind: Kind; worker: number }[] = [];
  for (let i = 0; i < ws.length; i++) for (const kind of ["ballot", "signature", "report"] as const) jobs.push({ kind, worker: i });
  const outcomes: Outcome[] = [];
  const pseudonyms: string[] = [];
  let next = 0;
  let killed = false;
  const check = () => {
    if (!killed && outcomes.filter((o) => o.status === 200).length >= killAfter) {
      killed = true;
      void app.kill9();
    }
  };
  const lane = async () => {
    while (!killed && next < jobs.length) {
      const job = jobs[next++]!;
      outcomes.push(await send(app.url, ws[job.worker]!.cookie, job.kind, bodyOf(job.kind, t, job.worker), job.worker));
      check();
    }
  };
  const joins = async () => {
    const base = `${app.url}/api/trpc`;
    while (!killed) {
      try {
        const res = await fetch(`${base}/accounts.create`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(await joinInput(base)) });
        if (res.ok) pseudonyms.push(((await res.json()) as { result: { data: { json: { pseudonym: string } } } }).result.data.json.pseudonym);
      } catch {
        /* died with the server: not acknowledged */
      }
    }
  };
  await Promise.all([...Array.from({ length: 8 }, lane), joins()]);
  await app.exited;
  expect(killed).toBe(true);
  return { acknowledged: outcomes.filter((o) => o.status === 200), pseudonyms };
}

export async function expectEverythingAcknowledged(app: ServedApp, ws: { cookie: string }[], t: Targets, acknowledged: Outcome[]) {
  expect(acknowledged.length).toBeGreaterThanOrEqual(150);
  const lost: string[] = [];
  for (const o of acknowledged) if (!(await counted(app, ws[o.worker]!.cookie, o.kind, t))) lost.push(`${o.kind} of worker ${o.worker}`);
  expect(lost).toEqual([]);
}

