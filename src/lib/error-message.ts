import { isAppErrorCode } from "~/lib/app-error";

type Translate = (key: string, values?: Record<string, string>) => string;

/** Incident ids are hex (src/server/log.js); anything else is not shown. */
const INCIDENT = /^[0-9a-f]{6,16}$/;

/**
 * The translated message for any error a procedure or sign-in returns; never a raw message.
 * An internal error names its incident, so a worker can quote it to an organiser.
 */
export function errorMessage(t: Translate, error: unknown): string {
  if (typeof error === "string") return t(isAppErrorCode(error) ? error : "INTERNAL");
  const data = (error as { data?: { appCode?: unknown; incident?: unknown } } | null)?.data;
  if (data?.appCode === "INTERNAL" && typeof data.incident === "string" && INCIDENT.test(data.incident)) return t("INTERNAL_INCIDENT", { incident: data.incident });
  if (data && isAppErrorCode(data.appCode)) return t(data.appCode);
  if (error instanceof TypeError) return t("NETWORK");
  return t("INTERNAL");
}

/** For pages: a NOT_FOUND from a procedure becomes null (then notFound()); anything else is thrown on. */
export function notFoundAsNull(error: unknown): null {
  const e = error as { code?: unknown; data?: { appCode?: unknown } } | null;
  if (e?.code === "NOT_FOUND" || e?.data?.appCode === "NOT_FOUND") return null;
  throw error;
}
