import { isAppErrorCode, type AppErrorCode } from "~/lib/app-error";

/** What a write route answered instead of a result; `data.appCode` is what errorMessage() reads. */
export class WriteError extends Error {
  readonly data: { appCode: AppErrorCode; incident?: string };
  constructor(appCode: AppErrorCode, incident?: string) {
    super(appCode);
    this.name = "WriteError";
    this.data = { appCode, incident };
  }
}

/** Why a write is being sent again: the phone is offline, the answer never came, or the server said "try again". */
export type Retry = { attempt: number; reason: "offline" | "network" | "unavailable" };

/** `credentials: "omit"` for the token ballot, which must not carry the session cookie. */
export type PostWriteOptions = { onRetry?: (retry: Retry) => void; credentials?: RequestCredentials };

// Issue 14, bad networks: waits between attempts (then the last error is shown), and how long
// one attempt may take on slow 3G before it is given up and sent again. Every hot write is
// idempotent (a ballot and a report are upserts, a second signature says ALREADY_SIGNED), so a
// retry whose first attempt was in fact stored counts once.
const WAITS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const ATTEMPT_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;
const online = () => new Promise<void>((resolve) => window.addEventListener("online", () => resolve(), { once: true }));

/**
 * Client side of the plain JSON write routes (src/server/api/write-route.ts). While the phone
 * is offline the write waits for the network; a lost or timed-out answer and a 503 are retried
 * with growing waits (the server's Retry-After at least). `onRetry` lets the page say so.
 * Network failures that outlast the retries stay TypeErrors, which errorMessage() shows as a
 * network problem.
 */
export async function postWrite<T>(path: string, input: unknown, opts: PostWriteOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (offline()) {
      opts.onRetry?.({ attempt, reason: "offline" });
      await online();
    }
    let res: Response;
    try {
      res = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
        credentials: opts.credentials ?? "same-origin",
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
    } catch (err) {
      if (attempt >= WAITS_MS.length) throw err;
      opts.onRetry?.({ attempt: attempt + 1, reason: offline() ? "offline" : "network" });
      await sleep(WAITS_MS[attempt]!);
      continue;
    }
    const body = (await res.json().catch(() => null)) as { result?: T; error?: { appCode?: unknown; incident?: unknown } } | null;
    if (res.ok && body && "result" in body) return body.result as T;
    const code = body?.error?.appCode;
    if (code === "UNAVAILABLE" && attempt < WAITS_MS.length) {
      opts.onRetry?.({ attempt: attempt + 1, reason: "unavailable" });
      await sleep(Math.max(WAITS_MS[attempt]!, Number(res.headers.get("retry-after") ?? 0) * 1000));
      continue;
    }
    const incident = typeof body?.error?.incident === "string" ? body.error.incident : undefined;
    throw new WriteError(isAppErrorCode(code) ? code : "INTERNAL", incident);
  }
}
