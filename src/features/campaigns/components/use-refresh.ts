"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorMessage } from "~/lib/error-message";

/** After a change, re-render the server page; errors come back translated. */
export function useRefreshFeedback() {
  const router = useRouter();
  const te = useTranslations("errors");
  return {
    onSuccess: () => router.refresh(),
    message: (error: unknown) => (error ? errorMessage(te, error) : null),
  };
}
