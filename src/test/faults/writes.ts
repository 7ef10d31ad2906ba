import { validReport } from "~/test/report-input";

// One write over real HTTP, as a phone sends it, and what came back.
export type Kind = "ballot" | "signature" | "report";
export type Outcome = { kind: Kind; worker: number; status: number; appCode: string | null; retryAfter: string | null; ms: number };

export type Targets = { campaignId: string; demandIds: string[]; petitionId: string; platformSlug: string };

const ROUTES: Record<Kind, string> = { ballot: "/api/ballots", signature: "/api/signatures", report: "/api/reports" };

export function bodyOf(kind: Kind, t: Targets, worker: number): unknown {
  if (kind === "ballot") return { campaignId: t.campaignId, demandIds: [t.demandIds[worker % t.demandIds.length]!] };
  if (kind === "signature") return { petitionId: t.petitionId };
  return validReport({ platformSlug: t.platformSlug, hoursPerDay: 8 + (worker % 6) });
}

/** Status 0 means no answer at all (the connection died): never acknowledged. */
export async function send(url: string, cookie: string, kind: Kind, body: unknown, worker: number, headers: Record<string, string> = {}): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}${ROUTES[kind]}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json().catch(() => null)) as { error?: { appCode?: string } } | null;
    return { kind, worker, status: res.status, appCode: json?.error?.appCode ?? null, retryAfter: res.headers.get("retry-after"), ms: performance.now() - started };
  } catch {
    return { kind, worker, status: 0, appCode: null, retryAfter: null, ms: performance.now() - started };
  }
}
