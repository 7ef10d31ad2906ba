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

/**
 * Client side of the plain JSON write routes (src/server/api/write-route.ts). Network failures
 * stay TypeErrors, which errorMessage() shows as a network problem.
 */
export async function postWrite<T>(path: string, input: unknown): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
    credentials: "same-origin",
  });
  const body = (await res.json().catch(() => null)) as { result?: T; error?: { appCode?: unknown; incident?: unknown } } | null;
  if (res.ok && body && "result" in body) return body.result as T;
  const code = body?.error?.appCode;
  const incident = typeof body?.error?.incident === "string" ? body.error.incident : undefined;
  throw new WriteError(isAppErrorCode(code) ? code : "INTERNAL", incident);
}
