"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/**
 * After an admin change, ask the desk's one query (admin.overview, admin-desk.tsx) again so its
 * lists show the new row: no page refresh (issue 15).
 */
export function useAdminFeedback() {
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.overview.queryKey() }),
    message: (error: unknown) => (error ? errorMessage(te, error) : null),
  };
}
