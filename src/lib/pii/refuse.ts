import { AppError } from "~/lib/app-error";
import { containsPii } from "~/lib/pii/scan";

/**
 * The server's rule for free text that others will read (proposals, petitions, comments, cover
 * letters, answers, statements, reasons): personal data is refused, nothing is stored, and the
 * form has already shown the writer what to remove with the same scanner. Report narratives are
 * private to statistics and quotes, so they are redacted instead (`redactPii`).
 */
export function refusePii(...texts: (string | null | undefined)[]): void {
  if (texts.some((t) => t && containsPii(t))) throw new AppError("PII_DETECTED");
}
