"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useRefreshFeedback } from "~/features/campaigns/components/use-refresh";

export function DeleteNotification({ id, title }: { id: string; title: string }) {
  const t = useTranslations("campaigns.notifications");
  const feedback = useRefreshFeedback();
  const trpc = useTRPC();
  const del = useMutation(trpc.notifications.delete.mutationOptions({ onSuccess: feedback.onSuccess }));
  return (
    <Button variant="secondary" aria-label={t("deleteNamed", { title })} disabled={del.isPending} onClick={() => del.mutate({ ids: [id] })}>
      {t("delete")}
    </Button>
  );
}

export function NotificationBulkActions({ unread }: { unread: number }) {
  const t = useTranslations("campaigns.notifications");
  const feedback = useRefreshFeedback();
  const trpc = useTRPC();
  const read = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: feedback.onSuccess }));
  const del = useMutation(trpc.notifications.delete.mutationOptions({ onSuccess: feedback.onSuccess }));
  const error = read.error ?? del.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {unread > 0 ? (
          <Button variant="secondary" disabled={read.isPending} onClick={() => read.mutate()}>
            {t("markRead")}
          </Button>
        ) : null}
        <Button variant="secondary" disabled={del.isPending} onClick={() => del.mutate({ ids: "all" })}>
          {t("deleteAll")}
        </Button>
      </div>
      {error ? <Alert>{feedback.message(error)}</Alert> : null}
    </div>
  );
}
