"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import { usePageStateWrite } from "~/features/personal/components/page-state";

export function FollowButton({ campaignId, following }: { campaignId: string; following: boolean }) {
  const t = useTranslations("campaigns.detail");
  const message = useErrorText();
  const personal = usePageStateWrite();
  const [on, setOn] = useState(following);
  const trpc = useTRPC();
  const follow = useMutation(
    trpc.notifications.follow.mutationOptions({
      onSuccess: (r) => {
        setOn(r.following);
        personal.update((s) => (s.campaign ? { ...s, campaign: { ...s.campaign, following: r.following } } : s));
      },
    }),
  );
  return (
    <div className="space-y-1">
      <Button variant="secondary" aria-pressed={on} disabled={follow.isPending} onClick={() => follow.mutate({ campaignId, follow: !on })}>
        {on ? t("unfollow") : t("follow")}
      </Button>
      <p className="text-sm text-stone-700">{t("followHint")}</p>
      {follow.error ? <Alert>{message(follow.error)}</Alert> : null}
    </div>
  );
}
