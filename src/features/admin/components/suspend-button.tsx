"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminFeedback } from "~/features/admin/components/use-admin-mutation";

export function SuspendButton({ accountId, suspended }: { accountId: string; suspended: boolean }) {
  const t = useTranslations("admin");
  const feedback = useAdminFeedback();
  const trpc = useTRPC();
  const change = useMutation(trpc.admin.setSuspended.mutationOptions({ onSuccess: feedback.onSuccess }));
  return (
    <Button variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ accountId, suspended: !suspended })}>
      {suspended ? t("unsuspend") : t("suspend")}
    </Button>
  );
}
