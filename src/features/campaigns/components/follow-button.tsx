"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useRefreshFeedback } from "~/features/campaigns/components/use-refresh";

export function FollowButton({ campaignId, following }: { campaignId: string; following: boolean }) {
  const t = useTranslations("campaigns.detail");
  const feedback = useRefreshFeedback();
  const [on, setOn] = useState(following);
  const trpc = useTRPC();
  const follow = useMutation(trpc.notifications.follow.mutationOptions({ onSuccess: (r) => setOn(r.following) }));
  return (
    <div className="space-y-1">
      <Button variant="secondary" aria-pressed={on} disabled={follow.isPending} onClick={() => follow.mutate({ campaignId, follow: !on })}>
        {on ? t("unfollow") : t("follow")}
      </Button>
      <p className="text-sm text-stone-700">{t("followHint")}</p>
      {follow.error ? <Alert>{feedback.message(follow.error)}</Alert> : null}
    </div>
  );
}
