"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorMessage } from "~/lib/error-message";

/** After an admin change, re-render the server page so its lists show the new row. */
export function useAdminFeedback() {
  const router = useRouter();
  const te = useTranslations("errors");
  return {
    onSuccess: () => router.refresh(),
    message: (error: unknown) => (error ? errorMessage(te, error) : null),
  };
}
