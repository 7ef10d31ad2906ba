"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "~/components/ui";
import type { Retry } from "~/lib/post-write";

/**
 * The retry state of one write island: set by postWrite's onRetry, cleared when it settles.
 * Its mutation sets `networkMode: "always"`, so that TanStack Query does not pause it silently
 * while the phone is offline: postWrite waits for the network itself and the page says so.
 */
export function useRetry() {
  const [retry, setRetry] = useState<Retry | null>(null);
  return { retry, onRetry: setRetry, settled: () => setRetry(null) };
}

/** Says that a write has not reached the server yet and is being sent again by itself. */
export function RetryNotice({ retry }: { retry: Retry | null }) {
  const t = useTranslations("errors");
  if (!retry) return null;
  return <Alert tone="warning">{retry.reason === "offline" ? t("RETRY_OFFLINE") : t("RETRY_SENDING", { attempt: retry.attempt + 1 })}</Alert>;
}
