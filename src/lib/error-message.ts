import { isAppErrorCode } from "~/lib/app-error";

type Translate = (key: string) => string;

/** The translated message for any error a procedure or sign-in returns; never a raw message. */
export function errorMessage(t: Translate, error: unknown): string {
  if (typeof error === "string") return t(isAppErrorCode(error) ? error : "INTERNAL");
  const data = (error as { data?: { appCode?: unknown } } | null)?.data;
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
